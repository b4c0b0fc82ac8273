import Foundation

/// The closed vocabularies of the contract. A value outside them makes the row bad (`unknown_value`).
public protocol ContractEnum: CaseIterable, Sendable, Equatable, RawRepresentable where RawValue == UInt8 {
    /// The spellings in the database, in raw-value order.
    static var names: [String] { get }
    /// The same as UTF-8 bytes, for decoding without making a String per row.
    static var spellings: [[UInt8]] { get }
}

extension ContractEnum {
    /// The spelling in the database.
    public var name: String { Self.names[Int(rawValue)] }

    static func utf8(_ names: [String]) -> [[UInt8]] { names.map { Array($0.utf8) } }
}

/// The index of the spelling that equals the bytes exactly, or nil: decodes a contract enum's
/// raw UTF-8 bytes (the lists are tiny) without making a String per row.
@inline(__always) func spellingIndex(_ bytes: UnsafeBufferPointer<UInt8>, in table: [[UInt8]]) -> Int? {
    let n = bytes.count
    for i in 0..<table.count where table[i].count == n {
        let match = table[i].withUnsafeBufferPointer { s -> Bool in
            for k in 0..<n where s[k] != bytes[k] { return false }
            return true
        }
        if match { return i }
    }
    return nil
}

public enum OrderStatus: UInt8, ContractEnum {
    case completed, returned, cancelled
    public static let names = ["completed", "returned", "cancelled"]
    public static let spellings = utf8(names)
}

public enum DealStatus: UInt8, ContractEnum {
    case open, won, lost
    public static let names = ["open", "won", "lost"]
    public static let spellings = utf8(names)
}

public enum Segment: UInt8, ContractEnum {
    case b2c, b2b
    public static let names = ["b2c", "b2b"]
    public static let spellings = utf8(names)
}

public enum Gender: UInt8, ContractEnum {
    case f, m
    public static let names = ["f", "m"]
    public static let spellings = utf8(names)
}

public enum EmailStatus: UInt8, ContractEnum {
    case valid, hardBounce, softBounce, complaint
    public static let names = ["valid", "hard_bounce", "soft_bounce", "complaint"]
    public static let spellings = utf8(names)
}

public enum ConsentPurpose: UInt8, ContractEnum {
    case processing, marketing, thirdParty
    public static let names = ["processing", "marketing", "third_party"]
    public static let spellings = utf8(names)
}

public enum ConsentAction: UInt8, ContractEnum {
    case grant, withdraw
    public static let names = ["grant", "withdraw"]
    public static let spellings = utf8(names)
}

/// The messaging channels of consents (NULL there means every channel).
public enum Channel: UInt8, ContractEnum {
    case email, sms, push, phone, messenger
    public static let names = ["email", "sms", "push", "phone", "messenger"]
    public static let spellings = utf8(names)
}

public enum MessagePurpose: UInt8, ContractEnum {
    case marketing, transactional
    public static let names = ["marketing", "transactional"]
    public static let spellings = utf8(names)
}

public enum Bounce: UInt8, ContractEnum {
    case hard, soft
    public static let names = ["hard", "soft"]
    public static let spellings = utf8(names)
}

public enum Arm: UInt8, ContractEnum {
    case treatment, control
    public static let names = ["treatment", "control"]
    public static let spellings = utf8(names)
}

public enum InteractionKind: UInt8, ContractEnum {
    case callIn, callOut, callMissed, visit, ticket, chat, meeting
    public static let names = ["call_in", "call_out", "call_missed", "visit", "ticket", "chat", "meeting"]
    public static let spellings = utf8(names)
}
