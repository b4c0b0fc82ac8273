/// Shorthands for the rows of the consent checks' example databases, as the CRM stores them.
enum ExampleRow {
    typealias Row = [String: String?]

    static func contact(_ id: Int = 1, name: String? = "Anna Ivanova", email: String? = "anna@example.com",
                        birth: String? = nil, deleted: String? = nil, created: String = "2024-01-01") -> Row {
        ["id": "\(id)", "full_name": name, "email": email, "birth_date": birth, "deleted_at": deleted, "created_at": created]
    }

    static func grant(_ id: Int, contact: Int = 1, _ purpose: String = "marketing", channel: String? = "email", at: String,
                      source: String? = "web_form", evidence: String? = "form v3, double opt-in", expires: String? = nil) -> Row {
        ["id": "\(id)", "contact_id": "\(contact)", "purpose": purpose, "channel": channel, "action": "grant", "occurred_at": at,
         "source": source, "evidence": evidence, "expires_at": expires]
    }

    static func withdraw(_ id: Int, contact: Int = 1, _ purpose: String = "marketing", channel: String? = "email", at: String) -> Row {
        ["id": "\(id)", "contact_id": "\(contact)", "purpose": purpose, "channel": channel, "action": "withdraw", "occurred_at": at,
         "source": "web_form", "evidence": "unsubscribe page"]
    }

    static func message(_ id: Int, contact: Int = 1, channel: String = "email", _ purpose: String = "marketing", at: String,
                        unsubscribed: String? = nil) -> Row {
        ["id": "\(id)", "contact_id": "\(contact)", "channel": channel, "purpose": purpose, "sent_at": at, "unsubscribed_at": unsubscribed]
    }
}

extension Example {
    /// An example of contacts, consents and messages.
    init(asOf: String = "2026-11-23", findings: Int = 1, config: [String: String] = [:],
         contacts: [ExampleRow.Row] = [ExampleRow.contact()], consents: [ExampleRow.Row] = [], messages: [ExampleRow.Row] = []) {
        self.init(asOf: asOf, findings: findings, config: config, ["contacts": contacts, "consents": consents, "messages": messages])
    }
}
