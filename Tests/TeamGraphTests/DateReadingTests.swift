import TeamGraph
import Testing

@Suite struct DateReadingTests {
    let june15 = Day(year: 2026, month: 6, day: 15)!
    let june1 = Day(year: 2026, month: 6, day: 1)!

    @Test(arguments: [
        "2026-06-15", "2026/6/15", "2026.6.15", "2026年6月15日", "2026年6月15号", " 2026-06-15 ", "2026-06-15 09:30:00",
        "2026-06-15T09:30", "２０２６／６／１５",
    ])
    func yearFirstFormsAreReadWithoutOptions(text: String) {
        #expect(DateReading().read(text) == .success(june15))
    }

    @Test func yearsOfAnyNumberOfDigits() {
        #expect(DateReading().read("999-1-2") == .success(Day(year: 999, month: 1, day: 2)!))
        #expect(DateReading().read("0999-01-02") == .success(Day(year: 999, month: 1, day: 2)!))
        #expect(DateReading().read("000002026-06-15") == .success(june15))
        #expect(DateReading().read("10000-01-01") == .failure(.noSuchDay))
        #expect(Day(parsing: "999-1-2") == Day(year: 999, month: 1, day: 2))
    }

    @Test func dayMonthFirstNeedsAnOrder() {
        #expect(DateReading().read("6/15/2026") == .failure(.needsOrder))
        #expect(DateReading(order: .mdy).read("6/15/2026") == .success(june15))
        #expect(DateReading(order: .dmy).read("15/6/2026") == .success(june15))
        #expect(DateReading(order: .dmy).read("15.06.2026") == .success(june15))
        #expect(DateReading(order: .mdy).read("15/6/2026") == .failure(.noSuchDay))
        #expect(DateReading(order: .dmy).read("15/6/26") == .failure(.shortYear))
    }

    @Test func partialDatesAreTheFirstDayOnlyWhenAsked() {
        for text in ["2026-06", "2026/6", "2026年6月", "6/2026"] {
            #expect(DateReading().read(text) == .failure(.partial), "\(text)")
            #expect(DateReading(partial: .first).read(text) == .success(june1), "\(text)")
        }
        #expect(DateReading().read("2026") == .failure(.partial))
        #expect(DateReading(partial: .first).read("2026") == .success(Day(year: 2026, month: 1, day: 1)!))
        #expect(DateReading(partial: .first).read("2026年") == .success(Day(year: 2026, month: 1, day: 1)!))
    }

    @Test(arguments: ["soon", "2026-06-15-01", "2026-06/15", "2026年15日", "-2026-06-15", "2026--06", "", "年月日"])
    func otherTextIsNoDate(text: String) {
        #expect(DateReading(order: .mdy, partial: .first).read(text) == .failure(.notADate))
    }

    @Test func bareNumbersAreSerialDatesOnlyInWorkbooks() {
        let january15 = Day(year: 2025, month: 1, day: 15)!
        #expect(DateReading().read("45672") == .failure(.serialNumber))
        #expect(DateReading(partial: .first).read("45672") == .failure(.serialNumber))
        #expect(DateReading(serialDates: .from1900).read("45672") == .success(january15))
        #expect(DateReading(serialDates: .from1904).read("44210") == .success(january15))
        #expect(DateReading.SerialDates.from1900.day(1) == Day(year: 1900, month: 1, day: 1))
        #expect(DateReading.SerialDates.from1900.day(61) == Day(year: 1900, month: 3, day: 1))
        #expect(DateReading.SerialDates.from1900.day(45672.75) == january15)
        #expect(DateReading.SerialDates.from1904.day(0) == Day(year: 1904, month: 1, day: 1))
        #expect(DateReading(serialDates: .from1900).read("99999999") == .failure(.noSuchDay))
        // Four digits or fewer stay a year.
        #expect(
            DateReading(partial: .first, serialDates: .from1900).read("2026")
                == .success(Day(year: 2026, month: 1, day: 1)!))
        #expect(DateReading.form(of: "45672") == "serial number")
    }

    @Test func noSuchDayIsTold() {
        #expect(DateReading().read("2026-02-30") == .failure(.noSuchDay))
        #expect(DateReading().read("2026年13月1日") == .failure(.noSuchDay))
    }

    @Test func formsAreNamedForThePreview() {
        #expect(DateReading.form(of: "2026-06-15") == "YYYY-MM-DD")
        #expect(DateReading.form(of: "2026/6/15") == "YYYY/M/D")
        #expect(DateReading.form(of: "2026年6月15日") == "YYYY年M月D日")
        #expect(DateReading.form(of: "6/15/2026") == "D/M/YYYY or M/D/YYYY")
        #expect(DateReading.form(of: "2026-06") == "YYYY-MM")
        #expect(DateReading.form(of: "soon") == nil)
    }

    @Test func statusWordsMapAndUnknownWordsFallBack() {
        var reading = StatusReading()
        #expect(reading.known("deceased") == nil)
        reading.map("Deceased ", to: .left)
        #expect(reading.known("DECEASED") == .left)
        #expect(reading.known("离职") == .left)
        #expect(reading.known("") == .active)
    }
}
