import PostgresNIO

/// PostgreSQL errors as the one-line `CRMError`s of outputs.md: what the user can fix (cannot
/// connect, authentication, no such database, permission denied, a bad query) exits 2; the server
/// going away or stopping the read mid-way exits 3. postgres-nio's own descriptions are kept
/// vague on purpose, so the server's SQLSTATE and message are read from the error's fields.
enum PostgresFailure {
    /// SQLSTATEs (PostgreSQL, Appendix A) that mean the server stopped or lost the session.
    static func isLost(_ state: String) -> Bool {
        state.hasPrefix("08") || state.hasPrefix("57P") || state == "57014" || state.hasPrefix("58")
    }

    /// A TLS handshake the certificate check failed: where it was checked, and the two ways on.
    static func untrustedCertificate(_ server: PostgresLocation, detail: String) -> CRMError {
        CRMError("PostgreSQL at \(server.host):\(server.port): its TLS certificate could not be verified against \(server.trustRootsName) "
            + "(sslmode=\(server.sslMode.rawValue); \(detail)): give the server's CA as sslrootcert=/path/root.crt "
            + "in the URL (or ~/.postgresql/root.crt), or use sslmode=require to encrypt without checking it")
    }

    /// verify-full: the certificate is trusted but names another host.
    static func wrongHostCertificate(_ server: PostgresLocation) -> CRMError {
        CRMError("PostgreSQL at \(server.host):\(server.port): its TLS certificate is not issued for '\(server.host)' (sslmode=verify-full "
            + "checks the name): connect by a host name the certificate holds, or use sslmode=verify-ca")
    }

    static func connecting(_ error: Error, _ server: PostgresLocation) -> CRMError {
        if let e = error as? CRMError { return e }
        let place = "PostgreSQL at \(server.host):\(server.port)"
        guard let e = error as? PSQLError else { return CRMError("cannot connect to \(place): \(error)") }
        if e.code == .server, let state = e.serverInfo?[.sqlState] {
            let message = e.serverInfo?[.message] ?? state
            switch state {
            case "28P01", "28000":
                return CRMError("\(place): authentication failed for user '\(server.user)' (the password comes from PGPASSWORD or ~/.pgpass): \(message)")
            case "3D000": return CRMError("\(place) has no database '\(server.database)'")
            default: return CRMError("cannot connect to \(place): \(message)")
            }
        }
        switch e.code {
        case .authMechanismRequiresPassword:
            return CRMError("\(place) asks for a password for user '\(server.user)': set PGPASSWORD or add it to ~/.pgpass")
        case .sslUnsupported:
            return CRMError("\(place) does not offer TLS, and sslmode=\(server.sslMode.rawValue) requires it")
        case .connectionError:
            let why = e.underlying.map { "\($0)" } ?? "no answer"
            if why.contains("failedToValidateHostname") { return wrongHostCertificate(server) }
            if why.contains("CERTIFICATE_VERIFY_FAILED") { return untrustedCertificate(server, detail: "certificate verify failed") }
            if why.lowercased().contains("refused") {
                return CRMError("cannot connect to \(place): connection refused (is the server running and listening on that port?)")
            }
            if why.lowercased().contains("timeout") || why.lowercased().contains("timed out") {
                return CRMError("cannot connect to \(place): timed out")
            }
            return CRMError("cannot connect to \(place): \(why.split(separator: "\n").first ?? "")")
        default:
            return CRMError("cannot connect to \(place): \(e.code)")
        }
    }

    static func reading(_ error: Error, table: String?, _ server: PostgresLocation) -> CRMError {
        if let e = error as? CRMError { return e }
        let what = table.map { "table '\($0)'" } ?? "the database"
        guard let e = error as? PSQLError else {
            return CRMError("cannot read \(what) from PostgreSQL at \(server): \(error)", kind: .internalFailure)
        }
        if e.code == .server, let state = e.serverInfo?[.sqlState] {
            return reading(state: state, message: e.serverInfo?[.message] ?? state, table: table, server)
        }
        switch e.code {
        case .serverClosedConnection, .uncleanShutdown, .connectionError, .clientClosedConnection:
            return lost(table: table, server)
        default:
            return CRMError("cannot read \(what) from PostgreSQL at \(server): \(e.code)", kind: .internalFailure)
        }
    }

    /// An error the server reported (SQLSTATE and message) while reading `table` (nil: the database).
    static func reading(state: String, message: String, table: String?, _ server: PostgresLocation) -> CRMError {
        let what = table.map { "table '\($0)'" } ?? "the database"
        if state == "42501" {
            return CRMError("permission denied reading \(what) as user '\(server.user)': \(message)")
        }
        if isLost(state) {
            return CRMError("PostgreSQL at \(server) stopped the read of \(what): \(message)", kind: .internalFailure)
        }
        return CRMError("cannot read \(what) from PostgreSQL at \(server): \(message)")
    }

    /// The connection gone mid-read, with no word from the server.
    static func lost(table: String?, _ server: PostgresLocation) -> CRMError {
        let what = table.map { "table '\($0)'" } ?? "the database"
        return CRMError("lost the connection to PostgreSQL at \(server) while reading \(what)", kind: .internalFailure)
    }
}
