import ECADCore
import Foundation
import Testing

/// The hex form ecad writes, over swift-crypto's SHA-256 (which is tested upstream).
struct SHA256Tests {
    /// FIPS 180-2 / NIST CAVS example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    }

    @Test func dataSlicesAndArraysHashAlike() {
        let message = [UInt8]((0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let digest = SHA256.hexDigest(message)
        #expect(SHA256.hexDigest(Data(message)) == digest)
        #expect(SHA256.hexDigest(Array(message[10...])) == SHA256.hexDigest(message[10...]))
        #expect(digest.count == 64 && digest.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
