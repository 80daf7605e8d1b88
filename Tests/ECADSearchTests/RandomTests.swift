import ECADSearch
import Foundation
import Testing

struct RandomTests {
    @Test func splitMixMatchesItsPublishedFirstOutput() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var first = Xoshiro256StarStar(seed: 42)
        var second = Xoshiro256StarStar(seed: 42)
        var other = Xoshiro256StarStar(seed: 43)
        let a = (0..<8).map { _ in first.next() }
        let b = (0..<8).map { _ in second.next() }
        let c = (0..<8).map { _ in other.next() }
        #expect(a == b)
        #expect(a != c)
    }

    @Test func encodedStateContinuesTheSameStream() throws {
        var generator = Xoshiro256StarStar(seed: 9)
        for _ in 0..<17 { _ = generator.next() }
        let data = try JSONEncoder().encode(generator)
        var restored = try JSONDecoder().decode(Xoshiro256StarStar.self, from: data)
        #expect(restored == generator)
        #expect((0..<32).map { _ in restored.next() } == (0..<32).map { _ in generator.next() })
    }

    @Test func malformedStatesAreRejected() throws {
        #expect(throws: SearchError.self) { try Xoshiro256StarStar(state: [0, 0, 0, 0]) }
        #expect(throws: SearchError.self) { try Xoshiro256StarStar(state: [1, 2, 3]) }
        let bad = Data(#"["zz00000000000000","0000000000000001","0","0"]"#.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Xoshiro256StarStar.self, from: bad) }
    }

    @Test func drawsStayInRangeAndCoverIt() {
        var generator = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7000 {
            counts[generator.nextIndex(below: 7)] += 1
            let unit = generator.nextUnit()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
    }
}
