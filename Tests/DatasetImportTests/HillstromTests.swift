import CRMData
import DatasetImport
import Foundation
import Formatting
import Reports
import Testing

/// The Hillstrom e-mail experiment imported and run through the campaign report, against the
/// figures of Tests/Data/hillstrom (SOURCE.md, expected_figures.json) and the published
/// pooled t of 5.300 (Yasui, 効果検証入門, ch. 1). The Welch interval and the Newcombe
/// interval are from SciPy on the same file (scipy.stats.ttest_ind(equal_var=False)).
@Suite("Hillstrom")
struct HillstromTests {
    /// The project's copy of the dataset: Tests/Data/hillstrom (hillstrom.csv.gz, SOURCE.md).
    static let folder = Imported.datasets.appendingPathComponent("hillstrom")

    /// Imports once per test into a temporary file and computes the report as of 2 June 2008,
    /// when every window and persistence window has closed.
    static func report() throws -> CampaignReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hillstrom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("hillstrom.sqlite").path
        let summary = try DatasetImport.run("hillstrom", from: Self.folder.path, to: db)
        #expect(summary == "64000 contacts, 2 campaigns (Mens E-Mail, Womens E-Mail against No E-Mail), 85306 campaign members, 578 orders")
        let zone = try #require(ZoneClock(identifier: "UTC"))
        let day = try #require(CivilDate.parse("2008-06-02"))
        let snapshot = try SnapshotReader(path: db, asOf: zone.startOfDay(day), zone: zone).read()
        #expect(snapshot.badRows.entries.isEmpty)
        return CampaignReport.compute(snapshot, config: ReportConfig(), period: .latest(.week, asOfDay: day))
    }

    /// The pooled (equal-variance) two-sample t from the report's per-arm moments:
    /// s² = ((n₁-1)s₁² + (n₂-1)s₂²) / (n₁+n₂-2), t = (m₁ - m₂) / √(s² (1/n₁ + 1/n₂)).
    static func pooledT(_ a: ArmOutcome, _ b: ArmOutcome) -> Double {
        let n1 = Double(a.n), n2 = Double(b.n)
        let s2 = ((n1 - 1) * a.perMember.sampleVariance + (n2 - 1) * b.perMember.sampleVariance) / (n1 + n2 - 2)
        return (a.perMember.mean - b.perMember.mean) / (s2 * (1 / n1 + 1 / n2)).squareRoot()
    }

    @Test("Mens and Womens e-mail against No E-Mail reproduce the published figures")
    func reproduction() throws {
        let r = try Self.report()
        #expect(r.campaigns.map(\.name) == ["Womens E-Mail", "Mens E-Mail"])   // same start: the larger id first
        let mens = try #require(r.campaigns.first { $0.name == "Mens E-Mail" })
        let womens = try #require(r.campaigns.first { $0.name == "Womens E-Mail" })
        for c in [mens, womens] {
            #expect(c.status == .complete && c.windowDays == 14 && c.contaminatedControls == 0)
            #expect(c.messages?.sent == 0)
        }

        // Mens E-Mail: 267 / 21,307 = 1.2531 % vs 122 / 21,306 = 0.5726 %; spend 30,311.69 / 21,307 = 1.4226 vs 0.6528.
        let m = mens.effect
        let control = try #require(m.control)
        #expect(m.treatment.n == 21_307 && m.treatment.converted == 267 && control.n == 21_306 && control.converted == 122)
        #expect(abs((m.treatment.rate ?? 0) - 0.012531) < 5e-7 && abs((control.rate ?? 0) - 0.005726) < 5e-7)
        #expect(abs((m.treatment.revenuePerMember ?? 0) - 1.422617) < 5e-7 && abs((control.revenuePerMember ?? 0) - 0.652789) < 5e-7)
        #expect(abs(m.treatment.revenue - 30_311.69) < 1e-6 && abs(control.revenue - 13_908.33) < 1e-6)
        #expect(abs(Self.pooledT(m.treatment, control) - 5.300090294465473) < 1e-9)
        #expect(abs((m.revenueDifference ?? 0) - 0.7698271558945368) < 1e-12)
        #expect(abs((m.revenueWelch?.low ?? 0) - 0.4851397325684076) < 1e-9)
        #expect(abs((m.revenueWelch?.high ?? 0) - 1.0545145792206658) < 1e-9)
        #expect(abs((m.revenueWelch?.degreesOfFreedom ?? 0) - 36671.15797736051) < 1e-6)
        #expect(abs((m.revenueWelch?.p ?? 0) - 1.163814968225482e-07) < 1e-12)
        #expect(abs((m.upliftInterval?.low ?? 0) - 0.005014344671481533) < 1e-12)
        #expect(abs((m.upliftInterval?.high ?? 0) - 0.008640723396917826) < 1e-12)
        #expect(abs((m.pValue ?? 0) - 1.5232235005955427e-13) < 1e-17)
        #expect(abs((m.relativeUplift ?? 0) - 1.188) < 5e-4)   // +118.8 %
        #expect(m.verdict == .positive)

        // Womens E-Mail: 189 / 21,387 = 0.8837 %; spend 23,038.11 / 21,387 = 1.0772; pooled t 3.2548.
        let w = womens.effect
        #expect(w.treatment.n == 21_387 && w.treatment.converted == 189)
        #expect(abs((w.treatment.rate ?? 0) - 0.008837) < 5e-7 && abs((w.treatment.revenuePerMember ?? 0) - 1.077202) < 5e-7)
        #expect(abs(Self.pooledT(w.treatment, try #require(w.control)) - 3.2547675295968332) < 1e-9)
        #expect(abs((w.revenueWelch?.low ?? 0) - 0.1689567898837787) < 1e-9)
        #expect(abs((w.revenueWelch?.high ?? 0) - 0.6798676419894147) < 1e-9)
        #expect(abs((w.upliftInterval?.low ?? 0) - 0.0015016571318770074) < 1e-12)
        #expect(abs((w.upliftInterval?.high ?? 0) - 0.004745471313672928) < 1e-12)
        #expect(w.verdict == .positive)

        // No history after the window: persistence is empty by construction.
        #expect(mens.persistenceStatus == .complete && mens.persistence.treatment.converted == 0)
    }

    @Test("a missing dataset folder or a wrong file is one clear error")
    func errors() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        #expect(throws: CRMError.self) { try DatasetImport.run("hillstrom", from: missing.path, to: missing.path + ".sqlite") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hillstrom-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.sqlite").path
        // Neither hillstrom.csv nor hillstrom.csv.gz: the error names both.
        let absent = #expect(throws: CRMError.self) { try DatasetImport.run("hillstrom", from: folder.path, to: out) }
        #expect(absent?.message == "import: cannot read \(folder.appendingPathComponent("hillstrom.csv").path) (nor hillstrom.csv.gz)")
        try "a,b\n1,2\n".write(to: folder.appendingPathComponent("hillstrom.csv"), atomically: true, encoding: .utf8)
        let error = #expect(throws: CRMError.self) { try DatasetImport.run("hillstrom", from: folder.path, to: out) }
        #expect(error?.message.contains("expected columns") == true)
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".partial"))
    }
}
