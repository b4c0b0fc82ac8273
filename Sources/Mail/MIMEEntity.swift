
/// A MIME entity (RFC 2045/2046): header lines and an encoded body, or a multipart of entities.
/// Everything is CRLF-terminated text within RFC 5322's line limits.
public struct MIMEEntity: Sendable {
    public let headers: [String]
    public let body: String

    public init(headers: [String], body: String) {
        self.headers = headers
        self.body = body
    }

    /// UTF-8 text (`plain` or `html`), quoted-printable.
    public static func text(_ text: String, subtype: String) -> MIMEEntity {
        MIMEEntity(headers: ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
                   body: TransferEncoding.quotedPrintable(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// An inline image referenced from HTML as `cid:<contentID>`.
    public static func inlineImage(_ bytes: [UInt8], type: String, contentID: String, filename: String) -> MIMEEntity {
        MIMEEntity(headers: ["Content-Type: \(type)", "Content-Transfer-Encoding: base64", "Content-ID: <\(contentID)>",
                             "Content-Disposition: inline; filename=\"\(filename)\""],
                   body: TransferEncoding.base64Lines(bytes))
    }

    /// `multipart/<subtype>` of the parts, separated by `=_<token>`; `parameters` are added to its
    /// Content-Type (`type="text/html"` for multipart/related). Neither quoted-printable nor base64
    /// can produce `=_`, so no part holds the boundary; the caller derives `token` from the
    /// message's identity, so the same message always has the same boundaries.
    public static func multipart(_ subtype: String, _ parts: [MIMEEntity], token: String, parameters: String = "") -> MIMEEntity {
        let boundary = "=_" + token
        var body = ""
        for p in parts { body += "--\(boundary)\r\n" + p.text + "\r\n" }
        body += "--\(boundary)--\r\n"
        let type = "Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\"" + (parameters.isEmpty ? "" : ";\r\n " + parameters)
        return MIMEEntity(headers: [type], body: body)
    }

    /// Header lines, an empty line, the body (which ends in CRLF: the CRLF before a boundary
    /// delimiter belongs to the delimiter, so the text keeps its last line break).
    public var text: String { headers.map { $0 + "\r\n" }.joined() + "\r\n" + body }
}
