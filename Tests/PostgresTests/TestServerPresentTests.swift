import Testing

/// The PostgreSQL tests need the throw-away cluster of scripts/with-postgres.sh (make test starts it);
/// without it this fails saying what to run, so a run without a server never passes as if they had run.
@Suite struct TestServerPresentTests {
    @Test func aTestServerIsGiven() {
        if !TestServer.available {
            Issue.record("the PostgreSQL tests did not run: \(TestServer.skipped); run the tests through scripts/with-postgres.sh (it installs Debian's postgresql)")
        }
    }
}
