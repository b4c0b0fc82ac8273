import CRMData

/// One audit check: a description and a pure function from the snapshot to findings.
/// Checks never throw: an input problem was already a bad row or an error of the reader.
/// Adding a check is adding one file and listing its type in its audit's registry.
public protocol AuditCheck: Sendable {
    static var description: CheckDescription { get }
}

extension AuditCheck {
    public var identifier: String { Self.description.identifier }
}
