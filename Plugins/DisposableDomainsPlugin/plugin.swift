import Foundation
import PackagePlugin

/// Compiles data/disposable-email-domains/disposable_email_blocklist.conf into the target as Swift source
/// (`DisposableDomains.shippedList`), so the list stays a verbatim data file and the binary needs no file beside it.
@main
struct DisposableDomainsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let list = context.package.directoryURL.appending(path: "data/disposable-email-domains/disposable_email_blocklist.conf")
        let output = context.pluginWorkDirectoryURL.appending(path: "DisposableDomainList.swift")
        return [
            .buildCommand(displayName: "Compiling the disposable-domain list",
                          executable: try context.tool(named: "disposable-domains-source").url,
                          arguments: [list.path, output.path],
                          inputFiles: [list],
                          outputFiles: [output]),
        ]
    }
}
