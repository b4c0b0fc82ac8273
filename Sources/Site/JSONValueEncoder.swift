import Foundation

/// Encodes an `Encodable` value into a `JSONValue`: object keys sorted (so report.json is
/// byte-identical for identical input), but `provenance` first (every export opens with it), nil as `null` (never a missing key), non-finite numbers
/// as `null` (JSON has no NaN). Decoding goes through Foundation's JSONDecoder, which reads the
/// same text back into the same types.
public enum JSONValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = Box()
        try value.encode(to: ValueEncoder(box: box, codingPath: []))
        return box.json
    }

    /// A node under construction: containers are filled after they are handed out. Children
    /// live in the box's own stored arrays, so adding one never copies its siblings (a findings
    /// file has hundreds of thousands of them).
    final class Box {
        enum Kind { case scalar, object, array }
        var kind = Kind.scalar
        var scalar = JSONValue.null
        var keys: [String: Box] = [:]
        var items: [Box] = []

        var json: JSONValue {
            switch kind {
            case .scalar: return scalar
            case .object: return .object(JSONValue.ordered(keys.keys).map { ($0, keys[$0]?.json ?? .null) })
            case .array: return .array(items.map(\.json))
            }
        }

        func set(_ v: JSONValue) {
            kind = .scalar
            scalar = v
        }

        func asObject() { if kind != .object { kind = .object; keys = [:] } }
        func asArray() { if kind != .array { kind = .array; items = [] } }

        func child(_ key: String) -> Box {
            asObject()
            let b = Box()
            keys[key] = b
            return b
        }

        func append() -> Box {
            asArray()
            let b = Box()
            items.append(b)
            return b
        }

        var count: Int { kind == .array ? items.count : 0 }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    struct ValueEncoder: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            box.asObject()
            return KeyedEncodingContainer(Keyed<K>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            box.asArray()
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    /// The scalars every container shares; anything else encodes itself into a new box.
    static func put<T: Encodable>(_ value: T, into box: Box, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as Double: box.set(.num(v))
        case let v as Float: box.set(.num(Double(v)))
        case let v as Int: box.set(.int(v))
        case let v as Int64: box.set(.int(Int(v)))
        case let v as Int32: box.set(.int(Int(v)))
        case let v as any BinaryInteger: box.set(Int(exactly: v).map(JSONValue.int) ?? .num(Double(v)))
        case let v as String: box.set(.string(v))
        case let v as Bool: box.set(.bool(v))
        default: try value.encode(to: ValueEncoder(box: box, codingPath: codingPath))
        }
    }

    struct Keyed<K: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: K) throws { box.child(key.stringValue).set(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            try JSONValueEncoder.put(value, into: box.child(key.stringValue), codingPath: codingPath + [key])
        }
        // Synthesized conformances call these for optionals: write null rather than leave the key out.
        // Every overload of the protocol is here: a missing one falls back to a default that drops the key.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Float?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: K) -> KeyedEncodingContainer<N> {
            let child = box.child(key.stringValue)
            child.asObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            let child = box.child(key.stringValue)
            child.asArray()
            return Unkeyed(box: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(box: box.child("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: K) -> any Encoder { ValueEncoder(box: box.child(key.stringValue), codingPath: codingPath) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { box.count }

        mutating func encodeNil() throws { box.append().set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder.put(value, into: box.append(), codingPath: codingPath)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            let child = box.append()
            child.asObject()
            return KeyedEncodingContainer(Keyed<N>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = box.append()
            child.asArray()
            return Unkeyed(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(box: box.append(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try JSONValueEncoder.put(value, into: box, codingPath: codingPath) }
    }
}
