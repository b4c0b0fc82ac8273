import CRMData

/// The config that decides what a valid, usable address is: the phone default region and the
/// role and disposable lists extended by config. Built once per run (the disposable list is big).
public struct ValidationSettings: Sendable {
    public let defaultRegion: String
    public let roles: RoleAddresses
    public let disposable: DisposableDomains

    public init(config: ReportConfig) {
        defaultRegion = config.staleDefaultRegion
        roles = RoleAddresses(adding: config.staleRoleAddresses)
        disposable = DisposableDomains(adding: config.staleDisposableDomains)
    }
}
