import ArgumentParser
import Audits
import CRMData
import Foundation
import Reports
import Results
import Site

/// `crm-report suppression`: who must not receive marketing, for the sending system.
struct Suppression: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who must not receive marketing on a channel at the as-of moment, as CSV for the sending system.",
        discussion: """
        CSV channel,address,contact_id,reason,since: one row per address that a marketing message sent at the as-of \
        moment must not reach, with the first reason that applies (deleted, no_consent, withdrawn, expired, unsubscribed \
        as the consent audit would judge such a message; erasure_due, minor; hard_bounce and invalid from the stale \
        audit). The address is the trimmed lower-case e-mail, the E.164 phone (sms, phone, messenger) or the push \
        token; with --hash sha256 its lower-case hex SHA-256. \
        THE LIST HOLDS PERSONAL DATA: it is written only to standard output or to the file --out names, never into \
        the published site; keep it where personal data may be kept.
        """)

    enum Hash: String, ExpressibleByArgument, CaseIterable { case sha256 }

    @OptionGroup var read: ReadOptions

    @Option(help: "One channel only. Default: every channel.")
    var channel: Channel?

    @Option(help: "Write each address as the lower-case hex SHA-256 of its normalized form.")
    var hash: Hash?

    @Option(help: ArgumentHelp("Write to this file instead of standard output (it holds personal data).", valueName: "file"))
    var out: String?

    func run() async throws {
        let config = try read.resolve()
        _ = try AuditGating(config)   // a bad setting or waiver file is bad input before the read
        let resolved = try ResolvedRun(config)
        let snapshot = try resolved.reader(config, since: Date(), progress: Terminal.progress).readWithKeys()
        let period = ReportPeriod.latest(config.period, asOfDay: resolved.asOfDay)
        // The keys are the visible contacts in stored order; the snapshot's contacts are those that are good.
        let tokens: [String?]? = snapshot.contactKeys.map { keys in
            var byID: [Int64: String] = [:]
            for i in 0..<keys.count { if let t = keys.pushToken[i] { byID[keys.id[i]] = t } }
            return snapshot.contacts.id.map { byID[$0] }
        }
        let list = try SuppressionList(snapshot: snapshot, config: config, period: period,
                                       channels: channel.map { [$0] } ?? Channel.allCases.map { $0 }, pushTokens: tokens)
        let data = try SuppressionCSV.data(list, zone: resolved.zone, hashed: hash == .sha256)
        try PersonalOutput.write(String(decoding: data, as: UTF8.self), to: out)
    }
}

extension Channel: ExpressibleByArgument {
    public init?(argument: String) {
        guard let i = Channel.names.firstIndex(of: argument) else { return nil }
        self.init(rawValue: UInt8(i))
    }
    public static var allValueStrings: [String] { names }
}
