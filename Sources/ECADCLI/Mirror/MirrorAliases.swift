/// `aliases.json` of a registry bundle or mirror (docs/registry.md): names with their versions, aliases with
/// their targets; and the resolution of a REF against it, by the registry's rules.
struct MirrorAliases: Codable, Equatable {
    /// Each name's versions (digests).
    var names: [String: [String]]
    /// Each alias `NAME@LABEL` with the digest it points at.
    var aliases: [String: String]

    /// The shortest digest prefix a reference may use (the registry's).
    static let minimumPrefix = 8

    /// The digest REF names among `digests` (the mirror's versions), in the registry's order: an alias stored under
    /// exactly that key; a digest or a unique prefix of at least ``minimumPrefix`` lowercase hex digits; a name,
    /// meaning `NAME@balanced`, or the name's only version.
    /// - Throws: ``CLIError/mirror(_:)`` for an ambiguous prefix, a name with several versions and no `balanced`
    ///   alias, or a REF that names nothing in the mirror.
    func resolve(_ ref: String, digests: [String]) throws(CLIError) -> String {
        if let digest = aliases[ref] { return digest }
        guard !ref.contains("@") else { throw .mirror("no alias \(ref) in the mirror") }
        if ref.utf8.count >= Self.minimumPrefix, ref.utf8.allSatisfy(Self.isHexDigit) {
            let matches = digests.filter { $0.hasPrefix(ref) }
            guard matches.count < 2 else {
                throw .mirror("digest prefix \(ref) matches \(matches.count) versions in the mirror")
            }
            if let only = matches.first { return only }
        }
        if let balanced = aliases["\(ref)@balanced"] { return balanced }
        let versions = names[ref] ?? []
        if versions.count == 1, let only = versions.first { return only }
        guard versions.isEmpty else {
            throw .mirror("\(ref) has \(versions.count) versions and no balanced alias; use NAME@ALIAS")
        }
        throw .mirror("no version, name or alias \(ref) in the mirror")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
