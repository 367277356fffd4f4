import Testing
@testable import BreakevenReports

@Suite("RFC 4180 CSV")
struct CSVTests {
    @Test func quotesOnlyWhatNeedsIt() {
        var t = CSVTable(header: ["option", "label"])
        t.append(["gpu", #"Self-hosted, "8B""#])
        t.append(["api", "Closed API"])
        #expect(t.text == "option,label\r\ngpu,\"Self-hosted, \"\"8B\"\"\"\r\napi,Closed API\r\n")
    }
}
