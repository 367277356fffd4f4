import Foundation
import Testing

/// `breakeven export prices` end to end (issue 14): formats, options, messages.
@Suite struct ExportPricesTests {
    static func workspace() throws -> URL {
        let dir = try CLI.workspace(["prices.json": "prices.json"])
        // The same fixture with its GPU price uncertain: p10/p50/p90 rows in the FOCUS forecast.
        let risky = try String(contentsOf: dir.appendingPathComponent("prices.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"months\": 2,", with: """
                "months": 2,
                  "uncertainty": { "trials": 200, "seed": 7, "inputs": { "options.self.gpu_hourly": { "uniform": [1, 3] } } },
                """)
        try Data(risky.utf8).write(to: dir.appendingPathComponent("risky.json"))
        return dir
    }

    @Test func writesEachFormat() throws {
        let dir = try Self.workspace()
        let golden = CLI.golden
        for (format, file) in [("litellm", "prices.litellm.yaml"), ("langfuse", "prices.langfuse.json")] {
            let result = try CLI.run(["export", "prices", "prices.json", "--format", format], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == (try String(contentsOf: golden.appendingPathComponent(file), encoding: .utf8)))
        }
        let out = try CLI.run(["export", "prices", "prices.json", "--format", "focus", "--out", "prices.csv"], in: dir)
        #expect(out.status == 0 && out.stdout.isEmpty)
        let csv = try String(contentsOf: dir.appendingPathComponent("prices.csv"), encoding: .utf8)
        #expect(csv == (try String(contentsOf: golden.appendingPathComponent("prices.focus.csv"), encoding: .utf8))
            .replacingOccurrences(of: "scenarios/prices.json", with: "prices.json"))
    }

    @Test func percentileRowsWithUncertainty() throws {
        let dir = try Self.workspace()
        let result = try CLI.run(["export", "prices", "risky.json", "--format", "focus", "--threads", "1"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.csv(result.stdout).dropFirst()
        // x_Percentile is the 18th column (index 17): the point forecast's rows, then p10, p50, p90.
        let percentiles = rows.map { $0[17] }
        #expect(Array(Set(percentiles)).sorted() == ["", "p10", "p50", "p90"])
        // April's input cost rises with the GPU price drawn by each percentile's trial.
        let aprilInput = ["p10", "p50", "p90"].compactMap { p in
            rows.first { $0[0].hasPrefix("2026-04") && $0[17] == p && $0[14].contains("\"input\"") }.flatMap { Double($0[11]) }
        }
        #expect(aprilInput.count == 3 && aprilInput == aprilInput.sorted())
    }

    @Test func messages() throws {
        let dir = try Self.workspace()
        let api = try CLI.run(["export", "prices", "prices.json", "--format", "focus", "--option", "api"], in: dir)
        #expect(api.status == 64)
        #expect(api.stderr.hasPrefix("Error: --option: \"api\" is a api option; only options that provision capacity (self_hosted, owned_hardware) have token prices to export\n"))
        let unknown = try CLI.run(["export", "prices", "prices.json", "--format", "focus", "--option", "slef"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: --option: unknown option id \"slef\"; did you mean \"self\"?\n"))
        let month = try CLI.run(["export", "prices", "prices.json", "--format", "litellm", "--month", "3"], in: dir)
        #expect(month.stderr.hasPrefix("Error: --month: expected a month from 1 to 2, found 3\n"))
        let name = try CLI.run(["export", "prices", "prices.json", "--format", "langfuse", "--option", "self", "--model-name", "meta-llama/Llama-3.1-8B"], in: dir)
        // Escaped as a regular expression, the way Langfuse's own definitions write `openai\/`.
        #expect(name.stdout.contains(#""matchPattern": "(?i)^(meta-llama\\/Llama-3\\.1-8B)$","#))
    }

    /// RFC 4180 fields: quoted fields may hold commas and doubled quotes.
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }
}
