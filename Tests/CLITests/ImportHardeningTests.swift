import Foundation
import Testing

/// Issue 19, item 5: `import` names the file, line and field of a value it cannot take (exit 2),
/// never crashes, never leaves a partial file or journal, and never replaces a CRM without --force.
@Suite("Import: bad values, partial files, existing targets", .serialized)
struct ImportHardeningTests {
    static let retailHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
    static let retailLine = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"

    /// A dataset folder holding `files` (a name ending in .gz is written gzipped).
    static func dataset(_ files: [String: String]) throws -> URL {
        let folder = try CLI.scratch().appendingPathComponent("dataset")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let plain = folder.appendingPathComponent(name.hasSuffix(".gz") ? String(name.dropLast(3)) : name)
            try Data(text.utf8).write(to: plain)
            if name.hasSuffix(".gz") {
                let gzip = Process()
                gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                gzip.arguments = ["gzip", plain.path]
                try gzip.run()
                gzip.waitUntilExit()
            }
        }
        return folder
    }

    /// Runs an import that must fail with exactly `line` on standard error and leave nothing behind.
    func expectRefused(_ dataset: String, _ folder: URL, _ line: String) throws {
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = try CLI.run(["import", dataset, "--from", folder.path, "--db", out.appendingPathComponent("crm.sqlite").path])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "crm-report: \(line)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [], "no database, .partial or journal")
    }

    @Test("online-retail: a CustomerID of 1e30 or nan is exit 2 naming the line, not signal 4")
    func hugeCustomerID() throws {
        for bad in ["1e30", "nan", "12.5"] {
            let folder = try Self.dataset(["online_retail.csv.gz": Self.retailHeader + Self.retailLine
                + "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,\(bad),United Kingdom\n"])
            try expectRefused("online-retail", folder,
                              "import: online_retail.csv.gz line 3, CustomerID: expected a whole number, got '\(bad)'")
        }
        let date = try Self.dataset(["online_retail.csv.gz": Self.retailHeader
            + "536365,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"])
        try expectRefused("online-retail", date, "import: online_retail.csv.gz line 2, InvoiceDate: expected a timestamp YYYY-MM-DD HH:MM[:SS], got '12/1/2010 8:26'")
        let quantity = try Self.dataset(["online_retail.csv.gz": Self.retailHeader
            + "536365,85123A,HOLDER,lots,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"])
        try expectRefused("online-retail", quantity, "import: online_retail.csv.gz line 2, Quantity: expected a number, got 'lots'")
    }

    static let accounts = "account,sector,year_established,revenue,employees,office_location,subsidiary_of\nAcme,technology,1996,1100.04,2822,United States,\nBeta,medical,1999,251.41,495,Kenya,\n"
    static let pipelineHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
    static let wonDeal = "1C1I7A6R,Moses Frase,GTX Plus Basic,Acme,Won,2016-10-20,2017-03-01,1054\n"

    @Test("maven-crm: a bad date, a short row, a duplicate account, a value of 'lots' name the file, line and field", arguments: [
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Won,2016-10-25,!!!,4514\n",
         "import: sales_pipeline.csv line 3, close_date: expected a date YYYY-MM-DD, got '!!!'"),
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Lost,0000-00-00,2017-01-01,0\n",
         "import: sales_pipeline.csv line 3, engage_date: expected a date YYYY-MM-DD, got '0000-00-00'"),
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Won\n",
         "import: sales_pipeline.csv line 3: 5 fields, expected 8"),
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Won,2016-10-25,2017-01-01,lots\n",
         "import: sales_pipeline.csv line 3, close_value: expected an amount of 0 or more, got 'lots'"),
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Closed,2016-10-25,2017-01-01,5\n",
         "import: sales_pipeline.csv line 3, deal_stage: expected Prospecting, Engaging, Won, Lost, got 'Closed'"),
        (accounts, wonDeal + "Z063OYW0,Darcel Schlecht,GTXPro,Beta,Won,2016-10-25,,5\n",
         "import: sales_pipeline.csv line 3, close_date: a Won opportunity needs the date it closed"),
        (accounts + "Acme,retail,2001,10,20,Japan,\n", wonDeal,
         "import: accounts.csv line 4, account: 'Acme' is already on line 2"),
    ])
    func mavenRows(_ accounts: String, _ pipeline: String, _ line: String) throws {
        let folder = try Self.dataset(["accounts.csv": accounts, "sales_pipeline.csv": Self.pipelineHeader + pipeline])
        try expectRefused("maven-crm", folder, line)
    }

    @Test("maven-crm: the same files without the bad row import, as a check on the fixture")
    func mavenGood() throws {
        let folder = try Self.dataset(["accounts.csv": Self.accounts, "sales_pipeline.csv": Self.pipelineHeader + Self.wonDeal])
        let out = folder.deletingLastPathComponent().appendingPathComponent("crm.sqlite")
        let r = try CLI.run(["import", "maven-crm", "--from", folder.path, "--db", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 accounts as contacts, 1 opportunities as deals"), "\(r.stdout)")
    }

    @Test("an existing database is refused without --force and replaced whole with it")
    func existingTarget() throws {
        let folder = try Self.dataset(["accounts.csv": Self.accounts, "sales_pipeline.csv": Self.pipelineHeader + Self.wonDeal])
        let parent = folder.deletingLastPathComponent()
        let target = parent.appendingPathComponent("existing.sqlite")
        try Data("a CRM of 2,000 contacts".utf8).write(to: target)
        let refused = try CLI.run(["import", "maven-crm", "--from", folder.path, "--db", target.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "crm-report: import: \(target.path) already exists; pass --force to replace it\n")
        #expect(try Data(contentsOf: target) == Data("a CRM of 2,000 contacts".utf8))
        let forced = try CLI.run(["import", "maven-crm", "--from", folder.path, "--db", target.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: target).prefix(16) == Data("SQLite format 3\0".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["dataset", "existing.sqlite"])
        // A failing import with --force keeps the old database whole.
        let broken = try Self.dataset(["accounts.csv": Self.accounts, "sales_pipeline.csv": Self.pipelineHeader + "X,Y,Z,Acme,Won\n"])
        let before = try Data(contentsOf: target)
        let failed = try CLI.run(["import", "maven-crm", "--from", broken.path, "--db", target.path, "--force"])
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(try Data(contentsOf: target) == before)
    }
}
