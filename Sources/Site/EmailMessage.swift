import Charts
import CRMData
import Foundation
import Formatting
import Mail
import Reports

/// email.eml: the e-mail edition as a message ready to send (RFC 5322, MIME). The same view
/// model as email.html (`EmailEdition.viewModel`) rendered twice, as HTML and as plain text:
///
///     multipart/alternative
///       text/plain                 the changes and the figures, readable alone
///       multipart/related          (type="text/html")
///         text/html                the charts as cid: images; links absolute with site_url, else none
///         image/png ...            each chart once, Content-ID <chart.hash@host>
///
/// Every header comes from the run: Date is the as-of moment, the Message-ID (and the boundaries
/// after it) a hash of the provenance, so the same inputs give the same bytes.
enum EmailMessage: Edition {
    static let file = "email.eml"
    /// Where ids live when the config names no site: a domain reserved never to resolve (RFC 2606).
    static let fallbackHost = "crm-report.invalid"

    static func render(_ context: SectionContext, drawn: [DrawnSection], templates: Templates) throws -> SectionFiles {
        [(file, Data(try message(context, charts: drawn.chartsByID, templates: templates).utf8))]
    }

    static func message(_ context: SectionContext, charts: [String: RenderedChart], templates: Templates) throws -> String {
        let provenance = context.frame.provenance
        let host = context.config.siteURL.flatMap { URL(string: $0)?.host?.lowercased() } ?? fallbackHost
        let id = String(try SHA256.hex(of: [provenance.databaseSHA256, provenance.asOf, provenance.configHash, context.period.label,
                                            Provenance.version].joined(separator: "\n").utf8).prefix(32))
        let contentID: @Sendable (RenderedChart) -> String = { "\($0.id).\(id.prefix(12))@\(host)" }
        let model = EmailEdition.viewModel(context, charts: charts,
                                           references: EmailReferences(image: { "cid:\(contentID($0))" }, relativeLinks: false))
        let html = try templates.render("email", model)
        // A section left empty (no unavailable figure) leaves a blank line: at most one between paragraphs.
        let text = try templates.render("email-text", model).replacing(/\n{3,}/, with: "\n\n")
        // Each chart the HTML shows, once, in the order it first appears.
        let byCID = Dictionary(charts.values.map { (contentID($0), $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        let shown: [RenderedChart] = html.matches(of: /src="cid:([^"]+)"/).compactMap { m in
            let cid = String(m.output.1)
            return seen.insert(cid).inserted ? byCID[cid] : nil
        }
        let related = MIMEEntity.multipart("related", [.text(html, subtype: "html")] + shown.map {
            .inlineImage($0.png, type: "image/png", contentID: contentID($0), filename: "\($0.id).png")
        }, token: "crm-report_related_\(id.prefix(16))", parameters: "type=\"text/html\"")
        let body = MIMEEntity.multipart("alternative", [.text(text, subtype: "plain"), related], token: "crm-report_alternative_\(id.prefix(16))")

        var headers = [HeaderField.mailboxes("From", [context.config.emailFrom ?? Mailbox(name: context.words["site.title"], address: "crm-report@\(host)")])]
        if !context.config.emailTo.isEmpty { headers.append(HeaderField.mailboxes("To", context.config.emailTo)) }
        headers += [
            HeaderField.unstructured("Subject", subject(context)),
            HeaderField.plain("Date", date(provenance)),
            HeaderField.plain("Message-ID", "<\(id).\(context.period.label)@\(host)>"),
            "MIME-Version: 1.0",
            "Content-Language: \(context.words["lang"])",
            // RFC 3834: a report made by a program; out-of-office replies should not answer it.
            "Auto-Submitted: auto-generated",
        ] + body.headers
        return MIMEEntity(headers: headers, body: body.body).text
    }

    /// `Week 49: revenue ₽11.3M, −20.5% vs previous`: the period and the headline figure.
    static func subject(_ context: SectionContext) -> String {
        let words = context.words, format = context.format, period = context.period
        let name = period.kind == .week
            ? words.fill("edition.subject.week", ["number": String(CivilDate.isoWeek(period.startDay).week)])
            : words.fill("edition.subject.month", ["month": format.month(day: period.startDay)])
        let revenue = context.results.summary[.revenue]
        guard revenue.unavailable == nil, let value = revenue.current, value.isFinite else {
            return words.fill("edition.subject_bare", ["period": name])
        }
        let figure = format.compact(value, fractionDigits: 1, money: true)
        guard let relative = revenue.vsPrevious?.relative, relative.isFinite else {
            return words.fill("edition.subject_plain", ["period": name, "value": figure])
        }
        return words.fill("edition.subject_headline.\(period.kind.rawValue)", [
            "period": name, "value": figure, "relative": format.signedPercent(relative, digits: 1),
        ])
    }

    /// The as-of moment (the start of the as-of day in the report's zone) with that zone's offset then.
    static func date(_ provenance: Provenance) -> String {
        guard let day = CivilDate.parse(provenance.asOf), let zone = ZoneClock(identifier: provenance.timezone) else {
            return HeaderField.date(secondsSince1970: 0, offsetSeconds: 0)
        }
        let start = zone.startOfDay(day).ms
        return HeaderField.date(secondsSince1970: start / 1000, offsetSeconds: Int(zone.offset(atUTC: start) / 1000))
    }
}
