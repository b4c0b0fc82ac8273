import CCurl
import Foundation

/// Hands one message to an SMTP server through libcurl: the envelope (MAIL FROM, RCPT TO), the
/// TLS upgrade, the login, the DATA transfer with its dot-stuffing are libcurl's.
public struct SMTPSender {
    public let server: SMTPServer
    public var user: String?
    public var password: String?
    /// A CA bundle to check the server's certificate against; nil: the system's trust roots.
    public var caFile: String?
    public var connectTimeoutSeconds = 30
    public var timeoutSeconds = 300

    public init(server: SMTPServer) { self.server = server }

    /// Sends `message` (CRLF line ends) from `from` to every recipient, or throws the server's
    /// refusal in one line. Every recipient must be accepted, or nothing is sent.
    public func send(_ message: [UInt8], from: String, to recipients: [String]) throws {
        guard let curl = curl_easy_init() else { throw SMTPError("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let transfer = Transfer(message)
        let box = Unmanaged.passRetained(transfer)
        defer { box.release() }
        var list: UnsafeMutablePointer<curl_slist>?
        for r in recipients { list = curl_slist_append(list, "<\(r)>") }
        defer { curl_slist_free_all(list) }
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorText.deallocate() }

        var setup: [CURLcode] = [
            crm_curl_set_string(curl, CURLOPT_URL, server.url),
            crm_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(from)>"),
            crm_curl_set_list(curl, CURLOPT_MAIL_RCPT, list),
            crm_curl_set_long(curl, CURLOPT_UPLOAD, 1),
            crm_curl_set_offset(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count)),
            crm_curl_set_read_function(curl, readMessage),
            crm_curl_set_pointer(curl, CURLOPT_READDATA, box.toOpaque()),
            // The server's replies, for the one line a refusal is reported with.
            crm_curl_set_long(curl, CURLOPT_VERBOSE, 1),
            crm_curl_set_debug_function(curl, keepReplies),
            crm_curl_set_pointer(curl, CURLOPT_DEBUGDATA, box.toOpaque()),
            crm_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds),
            crm_curl_set_long(curl, CURLOPT_TIMEOUT, timeoutSeconds),
            crm_curl_set_long(curl, CURLOPT_NOSIGNAL, 1),
            crm_curl_set_long(curl, CURLOPT_USE_SSL, Int(useSSL.rawValue)),
            crm_curl_set_long(curl, CURLOPT_SSL_VERIFYPEER, 1),
            crm_curl_set_long(curl, CURLOPT_SSL_VERIFYHOST, 2),
            crm_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
            crm_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorText),
        ]
        if let user { setup.append(crm_curl_set_string(curl, CURLOPT_USERNAME, user)) }
        if let password { setup.append(crm_curl_set_string(curl, CURLOPT_PASSWORD, password)) }
        if let caFile { setup.append(crm_curl_set_string(curl, CURLOPT_CAINFO, caFile)) }
        if let failed = setup.first(where: { $0 != CURLE_OK }) {
            throw SMTPError("libcurl refused a setting: \(String(cString: curl_easy_strerror(failed)))")
        }

        let result = curl_easy_perform(curl)
        guard result != CURLE_OK else { return }
        let reason = String(cString: errorText)
        var line = "\(server.url): "
        if let reply = transfer.refusal {
            line += "the server refused: \(reply)"
        } else {
            line += reason.isEmpty ? String(cString: curl_easy_strerror(result)) : reason
        }
        throw SMTPError(Self.oneLine(line))
    }

    var useSSL: curl_usessl {
        if server.implicitTLS { return CURLUSESSL_ALL }
        switch server.startTLS {
        case .required: return CURLUSESSL_ALL
        case .optional: return CURLUSESSL_TRY
        case .off: return CURLUSESSL_NONE
        }
    }

    static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) }).trimmingCharacters(in: .whitespaces)
    }
}

/// The message being read out to libcurl, and the server's last refusing reply.
final class Transfer {
    let bytes: [UInt8]
    var offset = 0
    /// The last reply line with a 4xx or 5xx code.
    var refusal: String?
    /// Reply bytes not yet ended by a line break.
    var pending: [UInt8] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// CURLOPT_READFUNCTION: the next bytes of the message.
private func readMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ data: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let data else { return 0 }
    let t = Unmanaged<Transfer>.fromOpaque(data).takeUnretainedValue()
    let n = min(size * count, t.bytes.count - t.offset)
    t.bytes.withUnsafeBytes { src in
        if let base = src.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: base + t.offset, byteCount: n) }
    }
    t.offset += n
    return n
}

/// CURLOPT_DEBUGFUNCTION: keeps the server's reply lines (CURLINFO_HEADER_IN); a line starting
/// with 4 or 5 is a refusal. Nothing is printed.
private func keepReplies(_ handle: UnsafeMutableRawPointer?, _ type: curl_infotype, _ text: UnsafeMutablePointer<CChar>?, _ size: Int,
                         _ data: UnsafeMutableRawPointer?) -> Int32 {
    guard type == CURLINFO_HEADER_IN, let text, let data else { return 0 }
    let t = Unmanaged<Transfer>.fromOpaque(data).takeUnretainedValue()
    t.pending += UnsafeRawBufferPointer(start: text, count: size)
    while let end = t.pending.firstIndex(of: 0x0A) {
        let line = String(decoding: t.pending[..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        t.pending.removeSubrange(...end)
        if let first = line.first, first == "4" || first == "5" { t.refusal = line }
    }
    return 0
}
