internal import Crypto
import Foundation

/// SHA-256 digests as ecad writes them (lowercase hex): schedule digests, artifact and bundle checksums.
///
/// The hashing itself is swift-crypto's (`Crypto.SHA256`: CryptoKit's API, BoringSSL on Linux); this type only
/// fixes the text form, so callers need not import Crypto.
public enum SHA256 {
    /// Lowercase hex digest of `bytes` (64 characters).
    public static func hexDigest(_ bytes: some DataProtocol) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
