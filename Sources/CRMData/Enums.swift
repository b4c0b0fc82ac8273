/// The closed vocabularies of the contract. A value outside them makes the row bad (`unknown_value`).
public protocol ContractEnum: CaseIterable, Sendable, Equatable {
    /// The spelling in the database.
    var name: String { get }
}

extension ContractEnum {
    /// Decodes raw UTF-8 bytes by exact comparison with each spelling (the lists are tiny).
    @inlinable static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Self? {
        for c in allCases {
            let n = c.name.utf8
            if n.count == bytes.count, n.elementsEqual(bytes) { return c }
        }
        return nil
    }
}

public enum OrderStatus: UInt8, ContractEnum {
    case completed, returned, cancelled
    public var name: String { ["completed", "returned", "cancelled"][Int(rawValue)] }
}

public enum DealStatus: UInt8, ContractEnum {
    case open, won, lost
    public var name: String { ["open", "won", "lost"][Int(rawValue)] }
}

public enum Segment: UInt8, ContractEnum {
    case b2c, b2b
    public var name: String { ["b2c", "b2b"][Int(rawValue)] }
}

public enum Gender: UInt8, ContractEnum {
    case f, m
    public var name: String { ["f", "m"][Int(rawValue)] }
}

public enum EmailStatus: UInt8, ContractEnum {
    case valid, hardBounce, softBounce, complaint
    public var name: String { ["valid", "hard_bounce", "soft_bounce", "complaint"][Int(rawValue)] }
}

public enum ConsentPurpose: UInt8, ContractEnum {
    case processing, marketing, thirdParty
    public var name: String { ["processing", "marketing", "third_party"][Int(rawValue)] }
}

public enum ConsentAction: UInt8, ContractEnum {
    case grant, withdraw
    public var name: String { ["grant", "withdraw"][Int(rawValue)] }
}

/// The messaging channels of consents (NULL there means every channel).
public enum Channel: UInt8, ContractEnum {
    case email, sms, push, phone, messenger
    public var name: String { ["email", "sms", "push", "phone", "messenger"][Int(rawValue)] }
}

public enum MessagePurpose: UInt8, ContractEnum {
    case marketing, transactional
    public var name: String { ["marketing", "transactional"][Int(rawValue)] }
}

public enum Bounce: UInt8, ContractEnum {
    case hard, soft
    public var name: String { ["hard", "soft"][Int(rawValue)] }
}

public enum Arm: UInt8, ContractEnum {
    case treatment, control
    public var name: String { ["treatment", "control"][Int(rawValue)] }
}

public enum InteractionKind: UInt8, ContractEnum {
    case callIn, callOut, callMissed, visit, ticket, chat, meeting
    public var name: String { ["call_in", "call_out", "call_missed", "visit", "ticket", "chat", "meeting"][Int(rawValue)] }
}
