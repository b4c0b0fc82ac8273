/// The gate's verdict as JUnit XML (outputs.md, `--junit FILE`), the format CI systems show:
/// one testsuite per audit, one testcase per check. A check that fails the gate is a
/// `<failure>` naming its count and threshold; a check that could not run and is not skipped
/// is an `<error>` when it fails the gate; a check not run that does not fail it (listed under
/// `skip`, below `--fail-on`, or a run without `--fail-on`) is `<skipped>` with the reason.
/// No clock, host or duration: the same verdict gives the same bytes.
public enum JUnitReport {
    public static func xml(_ verdict: GateVerdict) -> String {
        var suites: [String] = []
        var tests = 0, failures = 0, errors = 0
        for (audit, tallies) in verdict.audits where !tallies.isEmpty {
            var cases: [String] = []
            var f = 0, e = 0, s = 0
            for t in tallies {
                let open = "    <testcase classname=\"crm-report.\(escape(audit))\" name=\"\(escape(t.check))\""
                switch outcome(t, verdict: verdict, audit: audit) {
                case .pass:
                    cases.append(open + "/>")
                case .failure(let message, let detail):
                    f += 1
                    cases.append(open + ">\n      <failure type=\"\(t.severity.rawValue)\" message=\"\(escape(message))\">\(escape(detail))</failure>\n    </testcase>")
                case .error(let message):
                    e += 1
                    cases.append(open + ">\n      <error type=\"not_run\" message=\"\(escape(message))\"/>\n    </testcase>")
                case .skipped(let message):
                    s += 1
                    cases.append(open + ">\n      <skipped message=\"\(escape(message))\"/>\n    </testcase>")
                }
            }
            tests += tallies.count
            failures += f
            errors += e
            suites.append("  <testsuite name=\"\(escape(audit))\" tests=\"\(tallies.count)\" failures=\"\(f)\" errors=\"\(e)\" skipped=\"\(s)\">\n"
                          + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        let gate = verdict.failOn.map { "fail-on \($0.rawValue)" } ?? "not gated"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"crm-report audits (\(gate))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    enum Outcome: Equatable {
        case pass
        case failure(message: String, detail: String)
        case error(String)
        case skipped(String)
    }

    static func outcome(_ t: CheckTally, verdict: GateVerdict, audit: String) -> Outcome {
        let fails = verdict.fails(t)
        guard let reason = t.notRunReason else {
            guard fails else { return .pass }
            let threshold = t.threshold.map { "threshold \($0)" } ?? "no threshold (any open finding fails)"
            return .failure(message: "\(t.check): \(t.count) open \(t.count == 1 ? "finding" : "findings"), \(threshold)",
                            detail: "\(t.check) (\(t.severity.rawValue)): \(t.count) open, \(t.waived) waived, of \(t.judged) judged; \(threshold); fail-on \(verdict.failOn?.rawValue ?? "")")
        }
        if fails { return .error("\(t.check): not run: \(reason)") }
        let why: String
        if verdict.failOn == nil { why = "the run is not gated" }
        else if t.skipped { why = "listed under \(audit == "consent" ? "consent" : "stale").skip" }
        else { why = "severity \(t.severity.rawValue) is below fail-on \(verdict.failOn?.rawValue ?? "")" }
        return .skipped("\(t.check): not run: \(reason); \(why)")
    }

    /// Text for an XML attribute or element.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            default:
                // XML 1.0 allows no other C0 control character.
                if ch.value < 0x20 && ch != "\t" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
