import ECADCore
import Foundation
import Testing

struct SpecTOMLTests {
    @Test func parsesTheSupportedSubset() throws {
        let text = """
            # a comment
            title = "basic \\"quoted\\" \\u00e9\\n"   # trailing comment
            path = 'C:\\raw\\path'
            count = 1_000
            negative = -17
            hex = 0xff
            ratio = 0.25
            big = 1e3
            small = -2.5E-2
            yes = true
            no = false
            list = [1, 2,
              3, # comment inside
            ]
            mixed = ["a", { n = 2 }]
            inline = { a = 1, b.c = "x" }
            "quoted key" = 1
            site.owner.name = "dotted"

            [table]
            key = "value"

            [table.sub]
            deep = [[1], []]
            """
        let value = try SpecValue.parseTOML(text)
        let expected: SpecValue = .table([
            "title": .string("basic \"quoted\" é\n"),
            "path": .string("C:\\raw\\path"),
            "count": .integer(1000),
            "negative": .integer(-17),
            "hex": .integer(255),
            "ratio": .float(0.25),
            "big": .float(1000),
            "small": .float(-0.025),
            "yes": .bool(true),
            "no": .bool(false),
            "list": .array([.integer(1), .integer(2), .integer(3)]),
            "mixed": .array([.string("a"), .table(["n": .integer(2)])]),
            "inline": .table(["a": .integer(1), "b": .table(["c": .string("x")])]),
            "quoted key": .integer(1),
            "site": .table(["owner": .table(["name": .string("dotted")])]),
            "table": .table([
                "key": .string("value"),
                "sub": .table(["deep": .array([.array([.integer(1)]), .array([])])]),
            ]),
        ])
        #expect(value == expected)
    }

    @Test(arguments: [
        ("a = 1\nb = \n", 2, "expected a value"),
        ("a = 1\na = 2", 2, "defined twice"),
        ("[t]\nx = 1\n[t]\n", 3, "defined twice"),
        ("a = \"unterminated\nb = 1", 1, "unterminated string"),
        ("a = [1, 2\n", 2, "expected ',' or ']'"),
        ("a = 07:00", 1, "strings need quotes"),
        ("a = 1 b = 2", 1, "expected the end of the line"),
        ("[[points]]\nx = 1", 1, "arrays of tables"),
        ("a = { x = 1 }\na.y = 2", 2, "cannot be extended"),
        ("a = 1\na.b = 2", 2, "is a value, not a table"),
        ("a = 01", 1, "is not a value"),
        ("a = \"\\q\"", 1, "invalid escape"),
        ("a = \"\"\"x\"\"\"", 1, "multi-line strings"),
        ("= 1", 1, "expected a key"),
        ("a 1", 1, "expected '='"),
    ])
    func badDocumentsNameTheLine(text: String, line: Int, fragment: String) {
        do {
            _ = try SpecValue.parseTOML(text)
            Issue.record("parsed a bad document: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("line \(line): "))
        }
    }

    @Test func jsonRoundTripsAndRejectsNonObjects() throws {
        let value: SpecValue = .table([
            "kind": .string("search"), "population": .integer(8), "ratio": .float(0.5),
            "flags": .array([.bool(true)]), "sampler": .table(["steps": .integer(4)]),
        ])
        let data = try JSONEncoder().encode(value)
        #expect(try SpecValue.parseJSON(data) == value)
        #expect(throws: SpecError.self) { try SpecValue.parseJSON(Data("[1, 2]".utf8)) }
        #expect(throws: SpecError.self) { try SpecValue.parseJSON(Data("{\"a\": null}".utf8)) }
        #expect(throws: SpecError.self) { try SpecValue.parseJSON(Data("{".utf8)) }
    }

    @Test func valuesDescribeThemselvesForErrors() {
        #expect(SpecValue.string("ten").description == "\"ten\"")
        #expect(SpecValue.array([.integer(1), .bool(false)]).description == "[1, false]")
        #expect(SpecValue.table(["b": .integer(2), "a": .float(0.5)]).description == "{a = 0.5, b = 2}")
    }
}
