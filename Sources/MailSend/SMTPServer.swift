import Foundation

/// Where `crm-report send` delivers: `smtp://HOST[:PORT]` (port 587, STARTTLS) or
/// `smtps://HOST[:PORT]` (port 465, TLS from the first byte). Credentials never go in the URL.
public struct SMTPServer: Sendable, Equatable {
    public enum StartTLS: String, Sendable, CaseIterable {
        /// Upgrade with STARTTLS or stop before anything is sent (the default).
        case required
        /// Upgrade when the server offers it, else send in clear (a man in the middle can prevent the upgrade).
        case optional
        /// Never upgrade: a relay on the same host or a test server.
        case off
    }

    public let implicitTLS: Bool
    public let host: String
    public let port: Int
    public let startTLS: StartTLS

    /// nil with the reason when `text` is not such a URL.
    public static func parse(_ text: String, startTLS: StartTLS?) -> Result<SMTPServer, SMTPError> {
        func bad(_ why: String) -> Result<SMTPServer, SMTPError> {
            .failure(SMTPError("--smtp: \(why): expected smtp://HOST[:PORT] or smtps://HOST[:PORT], got '\(text)'"))
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme) else {
            return bad("not an SMTP server address")
        }
        guard let host = url.host, !host.isEmpty else { return bad("no host") }
        guard url.user == nil, url.password == nil else { return bad("credentials come from SMTP_USER and SMTP_PASSWORD, never the URL") }
        guard url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil else { return bad("no path or query") }
        if let port = url.port, !(1...65535).contains(port) { return bad("port out of range") }
        let implicit = scheme == "smtps"
        if implicit, startTLS != nil { return .failure(SMTPError("--starttls applies to smtp:// only: smtps:// is TLS from the first byte")) }
        return .success(SMTPServer(implicitTLS: implicit, host: host, port: url.port ?? (implicit ? 465 : 587), startTLS: startTLS ?? .required))
    }

    /// The URL libcurl is given (IPv6 hosts in brackets).
    public var url: String {
        "\(implicitTLS ? "smtps" : "smtp")://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)"
    }

    /// Whether a password sent to it is always encrypted.
    public var alwaysEncrypted: Bool { implicitTLS || startTLS == .required }

    /// How it is reached, in words: `smtp://mail.example.com:587 (STARTTLS required)`.
    public var description: String { url + (implicitTLS ? " (TLS)" : " (STARTTLS \(startTLS.rawValue))") }
}

/// A delivery that failed: the server's reply (or libcurl's reason) in one line.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
