import CRMData
import Formatting
import Foundation
import Yams

/// Reads the waiver file (config `consent.waivers`): a YAML list of accepted findings.
///
/// ```yaml
/// - key: after_withdrawal:message:1234     # see FindingKey
///   reason: Withdrawal keyed in late by the call centre; customer confirmed by phone
///   accepted_by: I. Petrova, DPO
///   expires: 2027-01-31                      # last day it applies
/// ```
///
/// Strict: an unknown field, a missing one, a bad key or date, or the same key twice is a
/// `CRMError` naming the file and the line. An empty file holds no waivers.
public enum WaiverFile {
    static let fields = ["key", "reason", "accepted_by", "expires"]

    public static func load(path: String) throws -> [Waiver] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CRMError("waiver file not found or unreadable: \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CRMError("waiver file is not UTF-8 text: \(path)")
        }
        return try parse(yaml: text, source: path)
    }

    public static func parse(yaml: String, source: String = "waivers") throws -> [Waiver] {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw CRMError("\(source): not valid YAML: \(yamlProblem(error))")
        }
        guard let root else { return [] }
        func fail(_ node: Node, _ what: String) -> CRMError {
            CRMError("\(source): line \(node.mark?.line ?? 0): \(what)")
        }
        guard let list = root.sequence else { throw fail(root, "expected a list of waivers (- key: ..., reason: ..., accepted_by: ..., expires: YYYY-MM-DD)") }
        var waivers: [Waiver] = []
        var seen: [FindingKey: Int] = [:]
        for entry in list {
            guard let mapping = entry.mapping else { throw fail(entry, "expected a waiver with key, reason, accepted_by and expires") }
            var values: [String: String] = [:]
            for (k, v) in mapping {
                guard let name = k.string, fields.contains(name) else {
                    throw fail(k, "unknown field '\(k.string ?? "?")' (known: \(fields.joined(separator: ", ")))")
                }
                guard let text = v.scalar?.string.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                    throw fail(v, "\(name): expected text")
                }
                values[name] = text
            }
            let line = entry.mark?.line ?? 0
            for name in fields where values[name] == nil { throw fail(entry, "missing field '\(name)'") }
            let keyText = values["key"] ?? ""
            guard let key = FindingKey(parsing: keyText) else {
                throw fail(entry, "key '\(keyText)' is not of the form check:message|contact|consent:id (e.g. after_withdrawal:message:1234)")
            }
            let dateText = values["expires"] ?? ""
            guard let expires = CivilDate.parse(dateText) else { throw fail(entry, "expires: expected a date YYYY-MM-DD, got '\(dateText)'") }
            if let first = seen[key] { throw fail(entry, "key \(key) is already waived on line \(first)") }
            seen[key] = line
            waivers.append(Waiver(key: key, reason: values["reason"] ?? "", acceptedBy: values["accepted_by"] ?? "",
                                  expires: expires, line: line))
        }
        return waivers
    }

    /// Every waiver names a check the tool has, keyed by that check's subject: a misspelt check
    /// (`after_withdrawl:message:1`) or a key no finding of the check can have
    /// (`no_consent:contact:5`) would match nothing forever, so it is a `CRMError` naming the
    /// file, the line and the key.
    /// - Parameter subjects: every check id of both audits, with the subject its keys name.
    public static func checkKeys(_ waivers: [Waiver], subjects: [String: FindingKey.Subject], source: String) throws {
        for w in waivers {
            guard let subject = subjects[w.key.check] else {
                throw CRMError("\(source): line \(w.line): key \(w.key): unknown check '\(w.key.check)' (known: \(subjects.keys.sorted().joined(separator: ", ")))")
            }
            guard subject == w.key.subject else {
                throw CRMError("\(source): line \(w.line): key \(w.key): \(w.key.check) findings are keyed by \(subject.rawValue) (\(w.key.check):\(subject.rawValue):<id>)")
            }
        }
    }

    /// Yams' first line of a syntax error ("3:5: error: ..."): it already names line and column.
    static func yamlProblem(_ error: Error) -> String {
        if let e = error as? YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                return "line \(mark.line): \(problem)"
            case .composer(_, let problem, let mark, _):
                return "line \(mark.line): \(problem)"
            default: break
            }
        }
        return String(String(describing: error).split(separator: "\n").first ?? "")
    }
}
