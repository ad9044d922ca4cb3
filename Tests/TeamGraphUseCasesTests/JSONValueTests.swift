import TeamGraphIO
import Testing

/// The one JSON encoder the use cases' results go through.
@Suite struct JSONValueTests {
    @Test func inlineAndExpandedLayouts() {
        let value: JSONValue = .object([
            "name": .string("王芳 \"a\"\n"), "n": .int(-3), "mean": .decimal(1.805), "ok": .bool(true),
            "none": .null, "list": .array([.int(1), .object([:])]), "empty": .array([]),
        ])
        #expect(
            value.text()
                == #"{"name": "王芳 \"a\"\n", "n": -3, "mean": 1.81, "ok": true, "none": null, "list": [1, {}], "empty": []}"#
                + "\n")
        #expect(
            JSONValue.object(["a": .int(1), "b": .array([.int(2)])]).text(expanded: true)
                == "{\n  \"a\": 1,\n  \"b\": [2]\n}\n")
        #expect(JSONValue.object([:]).text(expanded: true) == "{}\n")
    }

    @Test func recordsAreEmbeddedAsTheirArray() {
        let records = Records(columns: ["k"], rows: [[.text("x")], [.int(2)]])
        #expect(
            JSONValue.object(["rows": .records(records)]).text()
                == "{\"rows\": [\n  {\"k\": \"x\"},\n  {\"k\": 2}\n]}\n")
        let none = Records(columns: ["k"], rows: [])
        #expect(JSONValue.object(["rows": .records(none)]).text() == "{\"rows\": []}\n")
        #expect(records.text(.json) == "[\n  {\"k\": \"x\"},\n  {\"k\": 2}\n]\n")
    }
}
