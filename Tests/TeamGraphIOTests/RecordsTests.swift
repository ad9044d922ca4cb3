import TeamGraphIO
import Testing

@Suite struct RecordsTests {
    let records = Records(
        columns: ["id", "name", "n"],
        rows: [
            [.text("A"), .text("王芳"), .int(3)], [.text("Bob"), .text("x, \"y\""), .int(12)],
            [.text("C"), .none, .decimal(1.5)],
        ])

    @Test func tableAlignsByDisplayWidth() {
        #expect(
            records.text(.table) == """
                id   name    n
                ---  ------  ----
                A    王芳       3
                Bob  x, "y"    12
                C            1.50

                """)
    }

    @Test func csvQuotes() {
        #expect(records.text(.csv) == "id,name,n\nA,王芳,3\nBob,\"x, \"\"y\"\"\",12\nC,,1.50\n")
    }

    @Test func jsonEscapesAndUsesNull() {
        #expect(
            records.text(.json) == """
                [
                  {"id": "A", "name": "王芳", "n": 3},
                  {"id": "Bob", "name": "x, \\"y\\"", "n": 12},
                  {"id": "C", "name": null, "n": 1.50}
                ]

                """)
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("王芳") == 4)
        #expect(DisplayWidth.of("Anna") == 4)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("ｱ") == 1)
        #expect(DisplayWidth.of("Ａ") == 2)
    }
}
