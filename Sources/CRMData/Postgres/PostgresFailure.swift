import CLibpq
import Foundation

/// PostgreSQL errors as the one-line `CRMError`s of outputs.md: what the user can fix (cannot
/// connect, authentication, no such database, permission denied, a bad query) exits 2; the server
/// going away, stopping the read mid-way or not answering exits 3.
///
/// A statement's error is told by its SQLSTATE (`PG_DIAG_SQLSTATE`); a connection's by
/// `PQstatus` and `PQconnectionNeedsPassword`, and, where libpq has no code for it (a refused
/// connection, a rejected login, a certificate), by the words of libpq's message.
enum PostgresFailure {
    /// How messages name the server before a connection is made.
    static func place(_ server: PostgresLocation) -> String { "PostgreSQL at \(server.host):\(server.port)" }

    /// SQLSTATEs (PostgreSQL, Appendix A) that mean the server stopped or lost the session.
    static func isLost(_ state: String) -> Bool {
        state.hasPrefix("08") || state.hasPrefix("57P") || state == "57014" || state.hasPrefix("58")
    }

    /// A TLS handshake the certificate check failed: where it was checked, and the two ways on.
    static func untrustedCertificate(_ server: PostgresLocation, detail: String) -> CRMError {
        CRMError("\(place(server)): its TLS certificate could not be verified against \(server.trustRootsName) "
            + "(sslmode=\(server.sslMode.rawValue); \(detail)): give the server's CA as sslrootcert=/path/root.crt "
            + "in the URL (or ~/.postgresql/root.crt), or use sslmode=require to encrypt without checking it")
    }

    /// verify-full: the certificate is trusted but names another host.
    static func wrongHostCertificate(_ server: PostgresLocation) -> CRMError {
        CRMError("\(place(server)): its TLS certificate is not issued for '\(server.host)' (sslmode=verify-full "
            + "checks the name): connect by a host name the certificate holds, or use sslmode=verify-ca")
    }

    /// libpq's last error, on one line, without its "connection to server ... failed:" preamble.
    static func errorLine(_ conn: OpaquePointer) -> String {
        var text = PQerrorMessage(conn).map { String(cString: $0) } ?? ""
        if let r = text.range(of: "failed: ") { text = String(text[r.upperBound...]) }
        text = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A connection that failed (`PQstatus` is `CONNECTION_BAD`).
    static func connecting(_ conn: OpaquePointer, _ server: PostgresLocation) -> CRMError {
        // libpq's code for it, and its fixed words (PQnoPasswordSupplied) when the attempt was abandoned.
        if PQconnectionNeedsPassword(conn) == 1 || errorLine(conn).contains("no password supplied") {
            return CRMError("\(place(server)) asks for a password for user '\(server.user)': set PGPASSWORD or add it to ~/.pgpass")
        }
        return connecting(errorLine(conn), server)
    }

    /// libpq's words for a failed connection (it has no code for these) as one line each.
    static func connecting(_ message: String, _ server: PostgresLocation) -> CRMError {
        let place = place(server)
        let lower = message.lowercased()
        if lower.contains("authentication failed") {
            return CRMError("\(place): authentication failed for user '\(server.user)' (the password comes from PGPASSWORD or ~/.pgpass): \(message)")
        }
        if lower.contains("database") && lower.contains("does not exist") { return CRMError("\(place) has no database '\(server.database)'") }
        if lower.contains("does not match host name") { return wrongHostCertificate(server) }
        if lower.contains("certificate") { return untrustedCertificate(server, detail: message) }
        if lower.contains("does not support ssl") {
            return CRMError("\(place) does not offer TLS, and sslmode=\(server.sslMode.rawValue) requires it")
        }
        if lower.contains("refused") {
            return CRMError("cannot connect to \(place): connection refused (is the server running and listening on that port?)")
        }
        return CRMError("cannot connect to \(place): \(message)")
    }

    /// An error the server reported (SQLSTATE and message) while reading `table` (nil: the database).
    static func reading(state: String, message: String, table: String?, _ server: PostgresLocation) -> CRMError {
        let what = table.map { "table '\($0)'" } ?? "the database"
        if state == "42501" {
            return CRMError("permission denied reading \(what) as user '\(server.user)': \(message)")
        }
        if state == "57014" {
            return CRMError("PostgreSQL at \(server) stopped the read of \(what) after statement_timeout_seconds "
                + "(\(server.statementTimeoutSeconds) s): \(message)", kind: .internalFailure)
        }
        if isLost(state) {
            return CRMError("PostgreSQL at \(server) stopped the read of \(what): \(message)", kind: .internalFailure)
        }
        return CRMError("cannot read \(what) from PostgreSQL at \(server): \(message)")
    }

    /// The connection gone mid-read, with no error from the server (perhaps a notice before it went).
    static func lost(table: String?, _ server: PostgresLocation, notice: String? = nil) -> CRMError {
        let what = table.map { "table '\($0)'" } ?? "the database"
        return CRMError("lost the connection to PostgreSQL at \(server) while reading \(what)" + said(notice), kind: .internalFailure)
    }

    /// A server that sent nothing for longer than the connect timeout or the answer timeout.
    static func noAnswer(_ server: PostgresLocation, connecting: Bool, table: String? = nil, notice: String? = nil) -> CRMError {
        if connecting {
            return CRMError("\(place(server)) did not answer within \(server.connectTimeout) s of connecting (connect_timeout): "
                + "is it stopped or overloaded?" + said(notice), kind: .internalFailure)
        }
        let what = table.map { "table '\($0)'" } ?? "the database"
        return CRMError("PostgreSQL at \(server) sent nothing for \(Int(server.answerTimeout)) s while reading \(what) "
            + "(statement_timeout_seconds \(server.statementTimeoutSeconds)): is it stopped or overloaded?" + said(notice), kind: .internalFailure)
    }

    private static func said(_ notice: String?) -> String {
        notice.map { " (the server said: \($0.replacingOccurrences(of: "WARNING:", with: "").trimmingCharacters(in: .whitespaces)))" } ?? ""
    }
}
