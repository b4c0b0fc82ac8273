import Testing

/// The browser checks need Debian's chromium; without it this fails saying what to install, so a run
/// without the browser never passes as if the pages had been checked.
@Suite struct BrowserPresentTests {
    @Test func chromiumIsInstalled() {
        if Chromium.binary == nil {
            Issue.record("the browser checks did not run: install Debian's chromium (apt-get install chromium; make test does it)")
        }
    }
}
