import CCrypto

/// SHA-256 through the system's libcrypto (OpenSSL 3's EVP interface): the database's hash in the
/// footer and report.json, the config hash, and every hash an export carries.
public final class SHA256 {
    private let context: OpaquePointer

    public init() throws {
        guard let context = EVP_MD_CTX_new() else { throw CRMError("out of memory: cannot start a SHA-256", kind: .internalFailure) }
        self.context = context
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            throw CRMError("internal: libcrypto refused to start a SHA-256", kind: .internalFailure)
        }
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.isEmpty || EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else {
            throw CRMError("internal: libcrypto failed in a SHA-256", kind: .internalFailure)
        }
    }

    /// The digest as lower-case hex, as `sha256sum` prints it. Call once.
    public func hexDigest() throws -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            throw CRMError("internal: libcrypto failed to finish a SHA-256", kind: .internalFailure)
        }
        return Self.hex(digest.prefix(32))
    }

    /// The SHA-256 of some bytes, as lower-case hex.
    public static func hex(of bytes: some Sequence<UInt8>) throws -> String {
        let hasher = try SHA256()
        try Array(bytes).withUnsafeBytes { try hasher.update($0) }
        return try hasher.hexDigest()
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ bytes: some Collection<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
