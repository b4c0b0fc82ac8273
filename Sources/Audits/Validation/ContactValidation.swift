import CRMData

/// Every contact's e-mail and phone judged once per distinct value: the part of the stale audit
/// that does not depend on the moment (an address is as valid at A as one period earlier), so it
/// is computed once per run and shared by every moment audited and by `ContactReachability`.
public struct ContactValidation: Sendable {
    /// Per contact row: the index of its e-mail (phone) among the distinct values, -1 for none.
    let emailValue: [Int32]
    let phoneValue: [Int32]
    /// Per distinct e-mail.
    let emailValid: [Bool]
    let emailIsRole: [Bool]
    let emailIsDisposable: [Bool]
    /// The group of the trimmed, lower-cased address (valid or not), for duplicates.
    let emailGroup: [Int32]
    let emailGroupCount: Int
    /// Per distinct phone.
    let phoneValid: [Bool]
    let phoneMobile: [Bool]
    /// The index of the valid number's E.164 form in `e164`; -1 when not valid.
    let phoneGroup: [Int32]
    let e164: [String]

    /// Validates the contacts of a snapshot (all of them: deletion depends on the moment).
    public init(contacts: ContactTable, settings: ValidationSettings) {
        // The two dictionaries are independent: build them on two cores at once.
        let (emails, phones) = parallelPair({ DistinctValues(contacts.email) }, { DistinctValues(contacts.phone) })
        emailValue = emails.codes
        phoneValue = phones.codes

        let emailVerdicts = parallelChunks(emails.values.count) { range in
            // Addresses share few domains: judge each distinct domain once per chunk.
            var domains: [Substring: (ascii: String?, disposable: Bool)] = [:]
            return range.map { i -> (valid: Bool, role: Bool, disposable: Bool, key: String) in
                var disposable = false
                let v = EmailValidator.check(emails.values[i]) { domain in
                    if let known = domains[domain] {
                        disposable = known.disposable
                        return known.ascii
                    }
                    let ascii = DomainName.asciiMailDomain(domain)
                    disposable = ascii.map(settings.disposable.contains) ?? false
                    domains[domain] = (ascii, disposable)
                    return ascii
                }
                let role = v.localPart.map(settings.roles.contains(localPart:)) ?? false
                return (v.isValid, role, v.isValid && disposable, v.trimmed.lowercased())
            }
        }.flatMap { $0 }
        emailValid = emailVerdicts.map(\.valid)
        emailIsRole = emailVerdicts.map(\.role)
        emailIsDisposable = emailVerdicts.map(\.disposable)
        let groups = DistinctValues(emailVerdicts.map(\.key))
        emailGroup = groups.codes
        emailGroupCount = groups.values.count

        // Typings of one number that differ only in spacing and punctuation are one call.
        let canonical = DistinctValues(phones.values.map(PhoneValidator.canonicalForm))
        let region = settings.defaultRegion
        let canonicalVerdicts = parallelMap(canonical.values) { PhoneValidator.check($0, region: region) }
        let phoneVerdicts = canonical.codes.map { canonicalVerdicts[Int($0)] }
        phoneValid = phoneVerdicts.map(\.isValid)
        phoneMobile = phoneVerdicts.map(\.isMobile)
        let numbers = DistinctValues(phoneVerdicts.map(\.e164))
        phoneGroup = numbers.codes
        e164 = numbers.values
    }

    // MARK: Per contact row

    func has(_ values: [Bool], _ code: Int32) -> Bool { code >= 0 && values[Int(code)] }

    func hasEmail(_ row: Int) -> Bool { emailValue[row] >= 0 }
    func hasPhone(_ row: Int) -> Bool { phoneValue[row] >= 0 }
    func emailIsValid(_ row: Int) -> Bool { has(emailValid, emailValue[row]) }
    func emailIsRoleAddress(_ row: Int) -> Bool { has(emailIsRole, emailValue[row]) }
    func emailIsDisposableDomain(_ row: Int) -> Bool { has(emailIsDisposable, emailValue[row]) }
    func phoneIsValid(_ row: Int) -> Bool { has(phoneValid, phoneValue[row]) }
    func phoneIsMobile(_ row: Int) -> Bool { has(phoneMobile, phoneValue[row]) }
    /// The duplicate group of the row's normalized e-mail, -1 for none.
    func emailGroup(_ row: Int) -> Int32 { emailValue[row] >= 0 ? emailGroup[Int(emailValue[row])] : -1 }
    /// The row's phone in E.164 when it is valid, else nil.
    public func e164(_ row: Int) -> String? {
        let g = phoneGroup(row)
        return g >= 0 ? e164[Int(g)] : nil
    }
    /// The duplicate group of the row's valid phone (its E.164 form), -1 for none.
    func phoneGroup(_ row: Int) -> Int32 { phoneValue[row] >= 0 ? phoneGroup[Int(phoneValue[row])] : -1 }
}

/// Distinct non-nil values in first-seen order and each row's code among them (-1: nil).
struct DistinctValues: Sendable {
    private(set) var values: [String] = []
    private(set) var codes: [Int32] = []

    init(_ column: [String?]) {
        var index: [String: Int32] = [:]
        index.reserveCapacity(column.count)
        codes.reserveCapacity(column.count)
        for value in column {
            guard let value else { codes.append(-1); continue }
            // One hash and probe for a new value (most are): insert, and put the old code back if there was one.
            let next = Int32(values.count)
            if let old = index.updateValue(next, forKey: value) {
                index[value] = old
                codes.append(old)
            } else {
                values.append(value)
                codes.append(next)
            }
        }
    }
}
