import ECADCore
import Foundation
import Testing

@testable import ECADCLI

/// REF resolution against a mirror's aliases.json, the mirror index and manifest, and the snippet
/// `ecad registry get --snippet` prints.
struct MirrorTests {
    static let first = String(repeating: "ab", count: 32)
    static let second = "abcdef01" + String(repeating: "9", count: 56)
    static let third = String(repeating: "0", count: 64)
    static let links = MirrorAliases(
        names: ["m/one": [first], "m/two": [second, third], "m/three": [first, second]],
        aliases: ["m/two@fast": third, "m/three@balanced": second, "0000000000@x": first])
    static let digests = [first, second, third]

    private func resolve(_ ref: String) throws -> String { try Self.links.resolve(ref, digests: Self.digests) }

    private func refusal(_ ref: String) -> String {
        do {
            return "resolved to \(try resolve(ref))"
        } catch {
            return String(describing: error)
        }
    }

    @Test func aliasesDigestsPrefixesAndNamesResolveInTheRegistrysOrder() throws {
        #expect(try resolve("m/two@fast") == Self.third)
        #expect(try resolve("0000000000@x") == Self.first)
        #expect(try resolve(Self.second) == Self.second)
        #expect(try resolve("abcdef01") == Self.second)
        #expect(try resolve("m/one") == Self.first)
        #expect(try resolve("m/three") == Self.second)
    }

    @Test func ambiguousShortUnknownAndManyVersionedRefsAreRefused() {
        #expect(refusal("abababab") == "resolved to \(Self.first)")
        #expect(refusal("ab").contains("no version, name or alias ab"))
        #expect(refusal("abcdef0").contains("no version, name or alias"))
        #expect(refusal("m/two@slow").contains("no alias m/two@slow"))
        #expect(refusal("m/two").contains("has 2 versions and no balanced alias"))
        let twins = ["abcdef01" + String(repeating: "8", count: 56), Self.second]
        do {
            _ = try MirrorAliases(names: [:], aliases: [:]).resolve("abcdef01", digests: twins)
            Issue.record("an ambiguous prefix resolved")
        } catch {
            #expect(String(describing: error).contains("digest prefix abcdef01 matches 2 versions"))
        }
        #expect(refusal("ABCDEF01").contains("no version, name or alias"))
    }

    /// A verified bundle holding one version of model `fake` under `m/one` and `m/one@balanced`.
    private func bundle() throws -> (files: [String: Data], digest: String) {
        let layout = try BlockLayout.pixart(blocks: 2)
        let bits = (0..<(2 * 2 * layout.componentKinds.count)).map { $0 % 2 == 0 }
        let document = try ScheduleDocument(model: "fake", schedule: Schedule(steps: 2, layout: layout, bits: bits))
        let digest = document.digest.hex
        let record: [String: Any] = [
            "digest": digest, "modelID": "fake", "weightsDigest": "w", "sampler": "s", "steps": 2, "resolution": 32,
            "calibrationPromptSetDigest": "p", "metrics": "{}", "provenance": "{}",
        ]
        var files: [String: Data] = [
            "schedules/\(digest).json": Data(document.fileBytes),
            "versions/\(digest).json": try JSONSerialization.data(withJSONObject: record),
            "aliases.json": try JSONSerialization.data(
                withJSONObject: ["names": ["m/one": [digest]], "aliases": ["m/one@balanced": digest]]),
        ]
        files[BundleManifest.fileName] = try JSONEncoder().encode(BundleManifest(listing: files))
        return (files, digest)
    }

    @Test func theMirrorAddsAnIndexListedInAManifestThatVerifies() throws {
        let (files, digest) = try bundle()
        let mirror = try MirrorIndex.mirror(of: files)
        let manifest = try BundleManifest.verify(mirror)
        #expect(manifest.files.map(\.path).contains(BundleManifest.indexFileName))
        #expect(Set(mirror.keys) == Set(files.keys).union([BundleManifest.indexFileName]))
        let index = try JSONDecoder().decode(MirrorIndex.self, from: mirror[BundleManifest.indexFileName] ?? Data())
        #expect(index.format == "ecad.registry-index/v1")
        #expect(
            index.versions == [
                MirrorIndex.Version(
                    digest: digest, modelID: "fake", sampler: "s", steps: 2, resolution: 32, names: ["m/one"],
                    aliases: ["m/one@balanced"], schedule: "schedules/\(digest).json")
            ])
    }

    @Test func theSnippetEnablesTheScheduleFromItsSourceWithItsStepCount() throws {
        let (files, digest) = try bundle()
        let document = try ScheduleDocument(jsonBytes: [UInt8](files["schedules/\(digest).json"] ?? Data()))
        let lines = ScheduleSnippet.text(source: "http://h:8/m#\(digest)", document: document, digest: digest)
            .split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == "import ecad_diffusers")
        #expect(lines[2].hasPrefix("handle = ecad_diffusers.enable(pipe, \"http://h:8/m#\(digest)\")  # fake, sha256:"))
        #expect(lines[3].hasPrefix("image = pipe(prompt, num_inference_steps=2).images[0]"))
        #expect(ScheduleSnippet.pythonString("a\"b\\c") == #""a\"b\\c""#)
    }
}
