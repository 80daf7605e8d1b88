import Foundation
import Testing

@testable import ECADReport

struct ResultTableTests {
    static func sample() throws -> ResultTable {
        var table = ResultTable(columnNames: ["schedule", "speedup", "reward"])
        try table.append(["no cache", "1.00x", ResultTable.number(0.9712)])
        try table.append(["FORA N=3", "2.01x", ResultTable.number(0.83)])
        try table.append(["ECAD, \"fast\"", "1.97x", ResultTable.number(.infinity)])
        return table
    }

    @Test func formatsAlignedText() throws {
        let expected = """
            schedule      speedup  reward
            ------------  -------  ------
            no cache        1.00x   0.971
            FORA N=3        2.01x   0.830
            ECAD, "fast"    1.97x     inf

            """
        #expect(TextTableFormatter.format(try Self.sample()) == expected)
    }

    @Test func writesQuotedCSV() throws {
        let expected = "schedule,speedup,reward\nno cache,1.00x,0.971\nFORA N=3,2.01x,0.830\n"
            + "\"ECAD, \"\"fast\"\"\",1.97x,inf\n"
        #expect(CSVWriter.write(try Self.sample()) == expected)
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field(" padded") == "\" padded\"")
    }

    @Test func refusesRowsOfTheWrongWidth() {
        var table = ResultTable(columnNames: ["a", "b"])
        #expect(throws: ReportError.invalidArgument("row has 1 cells, table has 2 columns")) {
            try table.append(["x"])
        }
    }

    @Test func codableRoundTripKeepsRowsAndRefusesRaggedOnes() throws {
        let table = try Self.sample()
        let decoded = try JSONDecoder().decode(ResultTable.self, from: try JSONEncoder().encode(table))
        #expect(decoded == table)
        let ragged = Data(#"{"columns":[{"name":"a","alignment":"left"}],"rows":[["x","y"]]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ResultTable.self, from: ragged) }
    }

    @Test func alignmentFollowsTheCells() throws {
        let table = try Self.sample()
        #expect(!table.isRightAligned(0) && table.isRightAligned(1) && table.isRightAligned(2))
        var forced = table
        forced.columns[1].alignment = .left
        #expect(!forced.isRightAligned(1))
    }
}
