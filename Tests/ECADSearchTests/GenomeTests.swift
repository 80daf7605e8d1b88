import ECADSearch
import Foundation
import Testing

struct GenomeTests {
    @Test func bitsRoundTripAndFlip() {
        let bits = (0..<130).map { $0 % 3 == 0 }
        var genome = Genome(bits: bits)
        #expect(genome.bits == bits)
        #expect(genome.onesCount == bits.filter { $0 }.count)
        genome.flip(129)
        #expect(genome[129] == !bits[129])
        #expect(genome.hammingDistance(to: Genome(bits: bits)) == 1)
        #expect(genome.description.count == 130)
    }

    @Test func hexFormIsLowestBitFirstPerByte() throws {
        let genome = Genome(bits: [true, false, false, false, false, false, false, false, true, true])
        #expect(genome.hex == "0103")
        let data = try JSONEncoder().encode(genome)
        #expect(String(decoding: data, as: UTF8.self).contains(#""hex":"0103""#))
        #expect(try JSONDecoder().decode(Genome.self, from: data) == genome)
    }

    @Test func randomGenomesRoundTripThroughJSON() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        for length in [1, 63, 64, 65, 1680] {
            let genome = Genome.random(count: length, using: &rng)
            let decoded = try JSONDecoder().decode(Genome.self, from: JSONEncoder().encode(genome))
            #expect(decoded == genome)
            #expect(GenomeKey(decoded) == GenomeKey(genome))
        }
    }

    @Test func malformedEncodingsAreRejected() {
        #expect(throws: SearchError.self) { try Genome(count: 10, hex: "01") }
        #expect(throws: SearchError.self) { try Genome(count: 8, hex: "0g") }
        // Bit 9 lies beyond a length of 9.
        #expect(throws: SearchError.self) { try Genome(count: 9, hex: "0002") }
        #expect(throws: SearchError.self) { try Genome(count: 3, words: [0b1000]) }
    }

    @Test func keysSeparateLengthsAndContents() {
        let short = Genome(count: 64)
        let long = Genome(count: 65)
        var flipped = short
        flipped.flip(5)
        #expect(GenomeKey(short) != GenomeKey(long))
        #expect(GenomeKey(short) != GenomeKey(flipped))
        #expect(GenomeKey(short) == GenomeKey(Genome(count: 64)))
    }

    @Test func archiveRefusesRepeatsAndKeepsOrderThroughJSON() throws {
        var archive = GenomeArchive()
        var rng = Xoshiro256StarStar(seed: 5)
        let genomes = (0..<20).map { _ in Genome.random(count: 40, using: &rng) }
        for genome in genomes {
            let inserted = archive.insert(genome)
            #expect(inserted)
        }
        let repeated = archive.insert(genomes[3])
        #expect(!repeated)
        #expect(archive.count == 20)
        let decoded = try JSONDecoder().decode(GenomeArchive.self, from: JSONEncoder().encode(archive))
        #expect(decoded == archive)
        #expect(decoded.contains(genomes[7]))
        #expect(!decoded.contains(Genome(count: 41)))
    }
}
