import CRMData
import Foundation
import GRDB

/// The UCI "Online Retail" dataset (Tests/Data/online-retail: `online_retail.csv.gz`,
/// one row per invoice line, Dec 2010 – Dec 2011) as a CRM of customers and orders.
///
/// The common "clean" recipe, the one the published cohort table was made with:
/// - only lines with a CustomerID, Quantity > 0 and UnitPrice > 0 (cancellations,
///   returns, bad-debt adjustments and free lines are left out; exact duplicate lines are kept);
/// - one completed order per invoice: id = InvoiceNo, `ordered_at` = InvoiceDate (in the
///   report's time zone, as the file has no offset), `amount` = Σ Quantity × UnitPrice of its lines;
/// - one contact per CustomerID: id = CustomerID, `created_at` = their first invoice,
///   `region` = Country (of their first invoice), `segment` b2c, no source.
/// No deals, campaigns or consents: those sections say so on their pages.
public enum OnlineRetailImporter: DatasetImporter {
    public static let name = "online-retail"
    public static let summary = "UCI Online Retail: one order per invoice from lines with a CustomerID, Quantity > 0 and UnitPrice > 0"

    public static func load(from folder: URL, into db: Database) throws -> String {
        let (csv, file) = try CSVBytes.read("online_retail.csv.gz", in: folder)
        let col = try csv.columns(["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"], file: file.lastPathComponent)

        struct Invoice { var id: Int64; var customer: Int64; var date: String; var amount: Double }
        var invoices: [Invoice] = []
        var invoiceIndex: [Int64: Int] = [:]
        struct Customer { var first: String; var country: String? }
        var customers: [Int64: Customer] = [:]
        var lines = 0, skipped = 0
        let name = file.lastPathComponent
        let parser = TimestampParser(zone: .utc)
        let width = csv.header().count
        try csv.forEachRow { row, line in
            try row.require(fields: width, file: name, line: line)
            // Cheap tests on the raw bytes first: most excluded lines have no customer or a negative quantity.
            if row.isEmpty(col[4]) { skipped += 1; return }
            guard let quantity = row.double(col[1]), !quantity.isNaN else {
                throw ImportProblem.value(name, line: line, "Quantity", row.string(col[1]), expected: "a number")
            }
            guard let price = row.double(col[3]), !price.isNaN else {
                throw ImportProblem.value(name, line: line, "UnitPrice", row.string(col[3]), expected: "a number")
            }
            guard quantity > 0, price > 0 else { skipped += 1; return }
            guard quantity.isFinite, price.isFinite, quantity * price < Money.limit else {
                throw ImportProblem.field(name, line: line, "Quantity", "\(row.string(col[1]) ?? "") x \(row.string(col[3]) ?? "") is no amount an order has")
            }
            guard let customer = row.wholeNumber(col[4]) else {
                throw ImportProblem.value(name, line: line, "CustomerID", row.string(col[4]), expected: "a whole number")
            }
            guard let invoice = row.wholeNumber(col[0]) else {
                throw ImportProblem.value(name, line: line, "InvoiceNo", row.string(col[0]), expected: "a whole number")
            }
            lines += 1
            if let k = invoiceIndex[invoice] {
                invoices[k].amount += quantity * price
                return
            }
            // A new invoice: only now make Strings of its date and country.
            guard let date = row.text(col[2]), parser.parse(date) != nil else {
                throw ImportProblem.value(name, line: line, "InvoiceDate", row.string(col[2]), expected: "a timestamp YYYY-MM-DD HH:MM[:SS]")
            }
            invoiceIndex[invoice] = invoices.count
            invoices.append(Invoice(id: invoice, customer: customer, date: date, amount: quantity * price))
            // ISO text compares as time.
            if let c = customers[customer], c.first <= date { return }
            customers[customer] = Customer(first: date, country: row.text(col[5]))
        }

        let contact = try db.makeStatement(sql: "INSERT INTO contacts (id, created_at, region, segment) VALUES (?, ?, ?, 'b2c')")
        for (id, c) in customers.sorted(by: { $0.key < $1.key }) {
            try contact.execute(arguments: [id, c.first, c.country])
        }
        let order = try db.makeStatement(sql: "INSERT INTO orders (id, contact_id, ordered_at, amount, status) VALUES (?, ?, ?, ?, 'completed')")
        for inv in invoices {
            try order.execute(arguments: [inv.id, inv.customer, inv.date, inv.amount])
        }
        return "\(customers.count) contacts and \(invoices.count) orders from \(lines) invoice lines (\(skipped) lines without a customer, quantity or price left out)"
    }
}
