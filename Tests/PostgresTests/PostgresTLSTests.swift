@testable import CRMData
import Foundation
import Testing
import TestSupport

/// The TLS modes against the test server's throw-away CA (scripts/with-postgres.sh): its
/// certificate names localhost only, and the role crm_tls may connect over TLS only. Each read
/// opens three libpq connections (the catalog and snapshot, two COPY scans), all in the URL's TLS mode.
@Suite("PostgreSQL source: TLS", .serialized, .enabled(if: TestServer.available && TestServer.ca != nil,
                                                        "no TLS on the test server (CRM_TEST_PG_CA is unset)"))
struct PostgresTLSTests {
    static func location(host: String = "127.0.0.1", user: String = "crm_tls", _ mode: PostgresLocation.SSLMode,
                         rootCert: String? = nil) throws -> PostgresLocation {
        let l = try TestServer.location()
        return PostgresLocation(user: user, host: host, port: l.port, database: l.database, sslMode: mode, sslRootCert: rootCert)
    }

    static func schema() async throws -> String {
        let db = try PostgresFailureTests.smallFixture()
        return try await TestServer.load(db.path, label: "tls")
    }

    @Test("sslmode=require encrypts without checking the certificate; disable is refused for a TLS-only role")
    func require() async throws {
        let schema = try await Self.schema()
        let snapshot = try PostgresFailureTests.read(try Self.location(.require), schema: schema)
        #expect(snapshot.contacts.id.count == 2)
        let e = try #require(PostgresFailureTests.failure { try PostgresFailureTests.read(try Self.location(.disable), schema: schema) })
        #expect(e.kind == .badInput && e.message.contains("no encryption") && !e.message.contains("\n"), "\(e.message)")
    }

    @Test("verify-ca and verify-full with sslrootcert: the certificate checked against that CA")
    func verified() async throws {
        let schema = try await Self.schema()
        let ca = try #require(TestServer.ca)
        for l in [try Self.location(.verifyCA, rootCert: ca), try Self.location(host: "localhost", .verifyFull, rootCert: ca)] {
            let snapshot = try PostgresFailureTests.read(l, schema: schema)
            #expect(snapshot.contacts.id.count == 2, "\(l.url)")
        }
    }

    @Test("verify-full by a name the certificate does not hold: exit 2 saying so")
    func wrongHost() throws {
        let ca = try #require(TestServer.ca)
        let e = try #require(PostgresFailureTests.failure { try PostgresFailureTests.read(try Self.location(.verifyFull, rootCert: ca)) })
        #expect(e.kind == .badInput)
        #expect(e.message.contains("its TLS certificate is not issued for '127.0.0.1'") && e.message.contains("verify-ca"), "\(e.message)")
    }

    @Test("a verify- mode against a CA nobody trusts: exit 2 naming sslrootcert, no library internals")
    func untrusted() throws {
        for mode in [PostgresLocation.SSLMode.verifyCA, .verifyFull] {
            let e = try #require(PostgresFailureTests.failure { try PostgresFailureTests.read(try Self.location(host: "localhost", mode)) })
            #expect(e.kind == .badInput)
            #expect(e.message.contains("its TLS certificate could not be verified") && e.message.contains("sslrootcert="), "\(e.message)")
            #expect(!e.message.contains(".build/") && !e.message.contains("BoringSSL"), "\(e.message)")
        }
    }
}
