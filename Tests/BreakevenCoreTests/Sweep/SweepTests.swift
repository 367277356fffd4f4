import Testing
@testable import BreakevenCore

@Suite("Sweeps")
struct SweepTests {
    /// April 2026, 720 hours. x requests a month of 1,000 output tokens (no prompt) at $10 per
    /// Mtok cost the API x × 1,000 × $10 / 1e6 = $0.01·x. One replica (so fast it never needs a
    /// second) at y a GPU-hour costs 720·y. Savings 0.01·x − 720·y cross zero at x = 72,000·y:
    /// 36,000 at $0.50, 72,000 at $1, 108,000 at $1.50, 144,000 at $2. Both costs are linear in x,
    /// so interpolating between grid points on a linear axis finds the crossing exactly.
    static let text = ScenarioText.document(workload: #"{ "requests_per_month": 50000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#, options: [
        #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
        #"{ "id": "self", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1e7, "input_tokens_per_second": 1e8 } }"#,
    ])

    static func run(_ x: String, _ y: String? = nil, metric: SweepMetric = .savings, threads: Int = 2) throws -> SweepGrid {
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "x.json")
        return try Sweep.run(loaded, x: try SweepAxis.parse(x, flag: "--x"),
                             y: try y.map { try SweepAxis.parse($0, flag: "--y") }, metric: metric, option: nil, threads: threads)
    }

    @Test func theFrontierFallsOnTheAnalyticCrossing() throws {
        let grid = try Self.run("workload.requests_per_month=10000..250000:25", "options.self.gpu_hourly=0.5..2:4")
        #expect(grid.yValues == [0.5, 1, 1.5, 2])
        for (j, y) in grid.yValues.enumerated() {
            let crossings = grid.crossings(row: j)
            #expect(crossings.count == 1)
            #expect(close(crossings.first?.value, 72_000 * y, tolerance: 1e-9))
            #expect(crossings.first?.cheaperAbove == true)
        }
        // The contour's points on each row's grid line are those crossings (x as a fractional index:
        // 10,000 + 10,000·u, so 72,000·y sits at u = 7.2·y − 1).
        for segment in grid.frontier() {
            for point in [segment.from, segment.to] where point.1 == point.1.rounded() {
                let y = grid.yValues[Int(point.1)]
                #expect(close(point.0, 7.2 * y - 1, tolerance: 1e-9))
            }
        }
        // One line from the bottom row to the top: its pieces climb 3 rows in all.
        #expect(close(grid.frontier().reduce(0) { $0 + abs($1.to.1 - $1.from.1) }, 3))
    }

    @Test func oneAxisAndTheCheapestOption() throws {
        // At $1 a GPU-hour the API is cheaper below 72,000 requests, self-hosting above.
        let grid = try Self.run("workload.requests_per_month=10000..250000:49", metric: .cheapest)
        let changes = grid.cheapestChanges(row: 0)
        #expect(changes.count == 1)
        #expect(close(changes.first?.value, 72_000, tolerance: 1e-9) && changes.first?.to == 1)
        #expect(grid.cheapest(0, 0) == 0 && grid.cheapest(48, 0) == 1)
        // 250,000 requests: savings 0.01 × 250,000 − 720 = $1,780, from month 1.
        #expect(close(grid.savings(48, 0), 1_780) && grid.breakevenMonth(48, 0) == 1)
    }

    @Test func aLogAxisAndThreadsThatChangeNothing() throws {
        let one = try Self.run("workload.requests_per_month=1e3..1e7:41:log", "options.self.gpu_hourly=0.5..4:8", threads: 1)
        let three = try Self.run("workload.requests_per_month=1e3..1e7:41:log", "options.self.gpu_hourly=0.5..4:8", threads: 3)
        #expect(one == three)
        // Evenly spaced in logarithm, ends exact: 10 points a decade.
        #expect(one.xValues.first == 1e3 && one.xValues.last == 1e7 && close(one.xValues[10], 1e4))
    }

    @Test func axisArgumentsAsExactMessages() {
        func problem(_ text: String, flag: String = "--x") -> String? {
            do { _ = try SweepAxis.parse(text, flag: flag); return nil } catch { return error.message }
        }
        #expect(problem("options.self.gpu_hourly") == "--x options.self.gpu_hourly: expected PATH=LO..HI[:N][:log], such as workload.requests_per_month=1e5..1e9:50:log")
        #expect(problem("options.self.gpu_hourly=1-4") == "--x options.self.gpu_hourly=1-4: expected PATH=LO..HI[:N][:log], such as workload.requests_per_month=1e5..1e9:50:log")
        #expect(problem("options.self.gpu_hourly=1..4:1") == #"--x options.self.gpu_hourly=1..4:1: expected from 2 to 1000 points, found "1""#)
        #expect(problem("options.self.gpu_hourly=4..1", flag: "--y") == "--y options.self.gpu_hourly=4..1: expected LO below HI, found 4..1")
        #expect(problem("workload.requests_per_month=0..1e9:log") == "--x workload.requests_per_month=0..1e9:log: a log axis needs LO above 0, found 0")
        let axis = SweepAxis(path: "a", lower: 1, upper: 2)
        #expect(axis.count == 50 && !axis.logarithmic)
    }

    @Test func pathsOptionsAndRangesAsExactMessages() throws {
        func problem(_ x: String, _ y: String? = nil, option: String? = nil) throws -> String? {
            let loaded = try ScenarioLoader.load(Array(Self.text.utf8), file: "x.json")
            let xAxis = try SweepAxis.parse(x, flag: "--x")
            let yAxis = try y.map { try SweepAxis.parse($0, flag: "--y") }
            do throws(SweepProblem) {
                _ = try Sweep.run(loaded, x: xAxis, y: yAxis, metric: .savings, option: option, threads: 1)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(try problem("options.slef.gpu_hourly=1..4") == #"--x options.slef.gpu_hourly=1..4: unknown input "options.slef.gpu_hourly"; did you mean "options.self.gpu_hourly"?"#)
        #expect(try problem("options.self.max_utilization=0.5..1.5") == "--x options.self.max_utilization=0.5..1.5: expected LO and HI within the range of options.self.max_utilization, a number from 0.01 to 1; found 0.5..1.5")
        #expect(try problem("options.self.gpu_hourly=1..4", "options.self.gpu_hourly=2..3") == "--y options.self.gpu_hourly=2..3: the same input as --x")
        #expect(try problem("options.self.gpu_hourly=1..4", option: "slef") == #"--option slef: unknown option id; did you mean "self"?"#)
        #expect(try problem("options.self.gpu_hourly=1..4", option: "api") == "--option api: the baseline; choose another option to compare with it")
        #expect(try problem("options.self.gpu_hourly=1..4:1000", "workload.requests_per_month=1..1e6:300") == "--x options.self.gpu_hourly=1..4:1000 --y workload.requests_per_month=1..1e6:300: 1000 × 300 = 300000 points; a sweep has at most 250000")
    }
}

@Suite("run and sweep arguments")
struct RunArgumentTests {
    @Test func messages() throws {
        #expect(RunArguments.threadsProblem(0) == "--threads 0: expected at least 1")
        #expect(RunArguments.threadsProblem(4) == nil && RunArguments.threadsProblem(nil) == nil)
        #expect(RunArguments.trialsCSVProblem("t.csv", scenariosWithUncertainty: 0) == "--trials-csv t.csv: expected one scenario with an uncertainty block, found 0")
        #expect(RunArguments.trialsCSVProblem("t.csv", scenariosWithUncertainty: 2) == "--trials-csv t.csv: expected one scenario with an uncertainty block, found 2")
        #expect(RunArguments.trialsCSVProblem("t.csv", scenariosWithUncertainty: 1) == nil)
        #expect(throws: SweepProblem(#"--metric saving: expected one of cheapest, savings, breakeven_month; did you mean "savings"?"#)) {
            try SweepMetric.parse("saving")
        }
        #expect(try SweepMetric.parse("breakeven_month") == .breakevenMonth)
    }
}
