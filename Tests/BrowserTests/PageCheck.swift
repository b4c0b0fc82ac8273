import Foundation

/// One page opened in a fresh tab at one width, and what a person would notice: console
/// errors, requests leaving the output folder, things wider than the screen, broken images and
/// links. Writes a full-page screenshot.
struct PageCheck {
    let browser: Chromium
    /// The output folder: every request and link must stay inside it.
    let root: URL

    struct Report {
        var problems: [String] = []
        var printedPages: Int?
        /// The width of the e-mail edition's inner table (its column), when the page is one.
        var mailColumnWidth: Double?
    }

    /// Reported as JSON by the page itself once it has loaded.
    static let inspect = """
    (() => {
      const vw = document.documentElement.clientWidth;
      const clipped = el => { for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
      const wide = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if ((r.right > vw + 1 || r.left < -1) && !clipped(el)) {
          wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw);
        }
      }
      const broken = Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.currentSrc || i.src);
      const column = document.querySelector('table[role=presentation] table[role=presentation]');
      return JSON.stringify({ wide: wide.slice(0, 10), broken, images: document.images.length,
                              column: column ? column.getBoundingClientRect().width : null,
                              links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href) });
    })()
    """

    /// Waits until every image has either loaded or failed.
    static let imagesSettled = """
    Promise.all(Array.from(document.images).map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; })))
    """

    func check(_ page: URL, width: Int, screenshot: URL, printTo pdf: URL? = nil) throws -> Report {
        var report = Report()
        let target = try browser.call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Chromium.Failure(description: "no target id") }
        defer { _ = try? browser.call("Target.closeTarget", ["targetId": targetID], timeout: 5) }
        let attached = try browser.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Chromium.Failure(description: "no session id") }
        for domain in ["Page", "Runtime", "Log", "Network"] { try browser.call("\(domain).enable", session: session) }
        try browser.call("Emulation.setDeviceMetricsOverride",
                         ["width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600], session: session)
        let mark = browser.eventCount
        try browser.call("Page.navigate", ["url": page.absoluteString], session: session)
        try browser.wait(for: "Page.loadEventFired", session: session, since: mark)
        try browser.call("Runtime.evaluate", ["expression": Self.imagesSettled, "awaitPromise": true], session: session)

        let evaluated = try browser.call("Runtime.evaluate", ["expression": Self.inspect, "returnByValue": true], session: session)
        let value = (evaluated["result"] as? [String: Any])?["value"] as? String ?? "{}"
        let found = (try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any]) ?? [:]
        for w in found["wide"] as? [String] ?? [] { report.problems.append("wider than the viewport: \(w)") }
        for b in found["broken"] as? [String] ?? [] { report.problems.append("image did not load: \(b.prefix(120))") }
        for link in found["links"] as? [String] ?? [] where !resolves(link) { report.problems.append("link does not resolve: \(link)") }
        report.mailColumnWidth = found["column"] as? Double

        for event in browser.events(since: mark, session: session) {
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled" where ["error", "assert"].contains(params["type"] as? String ?? ""):
                report.problems.append("console error: \(params["args"] ?? "")")
            case "Runtime.exceptionThrown":
                report.problems.append("exception: \((params["exceptionDetails"] as? [String: Any])?["text"] ?? "")")
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                if entry["level"] as? String == "error" { report.problems.append("console error: \(entry["text"] ?? "") \(entry["url"] ?? "")") }
            case "Network.requestWillBeSent":
                let url = (params["request"] as? [String: Any])?["url"] as? String ?? ""
                if !inside(url) { report.problems.append("request outside the output folder: \(url.prefix(120))") }
            case "Network.loadingFailed":
                report.problems.append("request failed: \(params["errorText"] ?? "")")
            default: break
            }
        }

        let metrics = try browser.call("Page.getLayoutMetrics", session: session)
        let size = metrics["cssContentSize"] as? [String: Any] ?? [:]
        let height = min((size["height"] as? Double) ?? 900, 8000)
        let shot = try browser.call("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": 0, "y": 0, "width": Double(width), "height": height, "scale": 1],
        ], session: session, timeout: 30)
        if let data = (shot["data"] as? String).flatMap({ Data(base64Encoded: $0) }) { try data.write(to: screenshot) }

        if let pdf {
            let printed = try browser.call("Page.printToPDF", ["preferCSSPageSize": true, "printBackground": false], session: session, timeout: 30)
            if let data = (printed["data"] as? String).flatMap({ Data(base64Encoded: $0) }) {
                try data.write(to: pdf)
                report.printedPages = Self.pageCount(data)
            }
        }
        return report
    }

    /// A request stays inside the output folder (or is the page's own `data:` image).
    func inside(_ url: String) -> Bool {
        url.hasPrefix("data:") || url.hasPrefix(root.absoluteString)
    }

    /// A link to a file of the output folder that exists (its #fragment aside).
    func resolves(_ link: String) -> Bool {
        guard inside(link), let url = URL(string: link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// Pages of a PDF written by Chromium (Skia): its page objects.
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    }
}
