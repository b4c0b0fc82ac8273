import Audits
import CRMData
import Foundation
import Results

/// findings/manifest.json and findings/SHA256SUMS (outputs.md, "Files"): the run's provenance
/// and gate verdict with the SHA-256 of every findings file, so the CSVs and consent.json can be
/// tied to the run that wrote them; SHA256SUMS holds the same hashes (and the manifest's) in
/// `sha256sum` form, checkable with `sha256sum -c SHA256SUMS` inside the findings folder.
public struct FindingsManifest: Codable, Sendable, Equatable {
    public var provenance: ProvenanceDoc
    /// `--fail-on`'s verdict, as report.json `gate` states it.
    public var gate: GateDoc
    /// File name inside findings/ to its SHA-256 (lower-case hex).
    public var files: [String: String]

    static let folder = "findings/"

    /// The manifest and SHA256SUMS for the findings files among `files` (paths in the period folder).
    static func files(for files: SectionFiles, provenance: ProvenanceDoc, results: ComputedReport) throws -> SectionFiles {
        let findings = files.filter { $0.0.hasPrefix(folder) }.map { (String($0.0.dropFirst(folder.count)), $0.1) }
        // The files on both cores; a hashing failure (libcrypto) is thrown once all are done.
        let hashes = try parallelChunks(findings.count, minimumChunk: 1) { range in
            range.map { i in Result { try Provenance.sha256(of: findings[i].1) } }
        }.flatMap { $0 }.map { try $0.get() }
        let manifest = FindingsManifest(provenance: provenance, gate: GateDoc(results.audits.verdict),
                                        files: Dictionary(zip(findings.map(\.0), hashes), uniquingKeysWith: { a, _ in a }))
        let manifestData = Data(try JSONValueEncoder.encode(manifest).text().utf8)
        let sums = (zip(findings.map(\.0), hashes).map { ($0, $1) } + [("manifest.json", try Provenance.sha256(of: manifestData))])
            .sorted { $0.0 < $1.0 }.map { "\($0.1)  \($0.0)\n" }.joined()
        return [(folder + "manifest.json", manifestData), (folder + "SHA256SUMS", Data(sums.utf8))]
    }
}
