import CRMData
import DemoData
import Formatting
import Foundation
@testable import Site
import Testing

/// The whole published tree (pages, report.json, findings CSV; charts have their own golden
/// files in ChartsTests) of one small demo database, in both locales, against files kept in
/// Tests/SiteTests/Golden. Re-record on purpose with `RECORD_GOLDEN=1` and review the diff.
@Suite("Golden site")
struct GoldenSiteTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let templates = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("report-templates").path
    static let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    @Test(arguments: ReportLocale.allCases)
    func tree(_ locale: ReportLocale) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crm-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let asOf = try #require(CivilDate.parse("2026-11-23"))
        _ = try DemoGenerator.generate(path: db, options: .init(contacts: 300, seed: 3, asOfDay: asOf))
        var config = ReportConfig()
        config.db = db
        config.out = folder.appendingPathComponent("out").path
        config.asOf = "2026-11-23"
        config.locale = locale
        _ = try await ReportRun(config: config, templates: try Templates(folder: Self.templates)).generate()

        // The database's SHA-256 depends on the SQLite library that wrote the demo file (its header holds
        // the version), not on crm-report: masked in what is recorded and compared.
        let databaseHash = try Provenance.sha256(ofFile: db)
        let produced = try Self.masking(databaseHash, in: try Self.files(under: URL(fileURLWithPath: config.out)))
        let golden = Self.here.appendingPathComponent("Golden").appendingPathComponent(locale.rawValue)
        if Self.record {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in produced {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try Self.files(under: golden)
        #expect(produced.keys.sorted() == expected.keys.sorted(), "the file list changed: re-record with RECORD_GOLDEN=1 and review")
        for (path, data) in produced.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[path] else { continue }
            if data != want {
                let a = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                let got = line < a.count ? String(a[line].prefix(160)) : ""
                let want = line < b.count ? String(b[line].prefix(160)) : ""
                Issue.record("\(locale.rawValue)/\(path) differs from its golden file at line \(line + 1): got '\(got)', want '\(want)'")
            }
        }
    }

    static let databaseHashPlaceholder = "DATABASE-SHA-256"

    /// `data` with every occurrence of the database's SHA-256 (hex) replaced by the placeholder.
    static func masking(_ hash: String, in data: Data) -> Data {
        guard hash.count == 64, let text = String(data: data, encoding: .utf8), text.contains(hash) else { return data }
        return Data(text.replacingOccurrences(of: hash, with: databaseHashPlaceholder).utf8)
    }

    /// Every file masked, and the SHA-256 that one file names of another (findings/manifest.json and
    /// SHA256SUMS name consent.json's, which holds the database's hash) named anew for the masked file,
    /// until nothing changes (the files name each other at most three deep).
    static func masking(_ hash: String, in files: [String: Data]) throws -> [String: Data] {
        let base = files.mapValues { masking(hash, in: $0) }
        let raw = try files.mapValues { try SHA256.hex(of: $0) }
        var masked = base
        for _ in 0..<4 {
            let renamed = try masked.compactMap { path, data -> (String, String)? in
                let now = try SHA256.hex(of: data)
                return raw[path].flatMap { $0 == now ? nil : ($0, now) }
            }
            let next = base.mapValues { data -> Data in
                guard !renamed.isEmpty, var text = String(data: data, encoding: .utf8) else { return data }
                for (old, new) in renamed { text = text.replacingOccurrences(of: old, with: new) }
                return Data(text.utf8)
            }
            if next == masked { break }
            masked = next
        }
        return masked
    }

    @Test("a hash of a masked file is named anew where another file names it")
    func maskingNamesHashesAnew() throws {
        let hash = String(repeating: "cd", count: 32)
        let evidence = Data("{\"database_sha256\":\"\(hash)\"}".utf8)
        let sums = Data("\(try SHA256.hex(of: evidence))  consent.json\n".utf8)
        let masked = try Self.masking(hash, in: ["consent.json": evidence, "SHA256SUMS": sums])
        let maskedEvidence = Data("{\"database_sha256\":\"DATABASE-SHA-256\"}".utf8)
        #expect(masked["consent.json"] == maskedEvidence)
        #expect(masked["SHA256SUMS"] == Data("\(try SHA256.hex(of: maskedEvidence))  consent.json\n".utf8))
    }

    @Test("the database's SHA-256 is masked, and only it")
    func maskingTheDatabaseHash() {
        let hash = String(repeating: "ab", count: 32)
        let page = Data("<footer>config e0a06459b011, database SHA-256 \(hash)</footer>".utf8)
        #expect(Self.masking(hash, in: page) == Data("<footer>config e0a06459b011, database SHA-256 DATABASE-SHA-256</footer>".utf8))
        #expect(Self.masking(hash, in: Data("no hash here".utf8)) == Data("no hash here".utf8))
    }

    /// Every file under a folder by relative path, without charts/ (their own golden files), the editions and hidden files.
    static func files(under root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        let base = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0 == "charts" }) { continue }
            // The editions carry the chart PNGs and Cairo's PDF: EditionsTests and CLITests' e-mail tests check them.
            if ["email.html", "email.eml", "report.pdf"].contains(url.lastPathComponent) { continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[path] = try Data(contentsOf: url)
        }
        return out
    }
}
