import Testing
@testable import BreakevenCore

@Suite("Rented GPU replicas sized for the peak")
struct SelfHostedCostTests {
    /// April 2026 has 30 days: 720 hours, 2,592,000 seconds. 25,920,000 requests of 1,000
    /// prompt and 100 output tokens at 10,000 prompt and 1,000 output tokens/s per replica:
    /// 2.592e10 / 1e4 + 2.592e9 / 1e3 = 2,592,000 + 2,592,000 = 5,184,000 replica-seconds,
    /// an average load of exactly 2.0 replicas.
    static func workload(shape: String = "", batch: Double = 0) -> String {
        """
        { "requests_per_month": 25920000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100,
          "batch_share": \(batch) \(shape.isEmpty ? "" : ", \"load_shape\": \(shape)") }
        """
    }

    static func option(utilization: Double = 0.8, scaling: String = "static") -> String {
        """
        { "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2,
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 },
          "max_utilization": \(utilization), "scaling": "\(scaling)",
          "team": { "engineers": 1, "cost_per_engineer_per_year": 120000 },
          "one_time": { "migration": 1000 }, "monthly_fixed": { "monitoring": 500 } }
        """
    }

    @Test func aFourReplicaPeakAtHalfUtilization() throws {
        let s = try ScenarioText.scenario(workload: Self.workload(shape: #"{ "peak_to_average": 1.5 }"#), options: [Self.option()])
        let m = try #require(ScenarioText.project(s)["gpu"]?.first)
        // peak load 2.0 × 1.5 = 3.0 replicas; ÷ 0.8 max utilization = 3.75 → 4 replicas
        #expect(m.replicas == 4)
        // 4 replicas × 720 h × 2 GPUs × $2 = $11,520
        #expect(close(m.costs.gpu, 11_520))
        // served 2.0 of 4 provisioned
        #expect(close(m.utilization, 0.5))
        // 1 engineer × $120,000 / 12 = $10,000; fixed $500; one-time $1,000 in month 1
        #expect(m.costs.team == 10_000 && m.costs.fixed == 500 && m.costs.oneTime == 1_000)
    }

    @Test func exactFitDoesNotRoundUp() throws {
        // Flat load of 2.0 at 100% utilization needs exactly 2 replicas, not 3.
        let s = try ScenarioText.scenario(workload: Self.workload(), options: [Self.option(utilization: 1)])
        #expect(ScenarioText.project(s)["gpu"]?.first?.replicas == 2)
    }

    /// 12 busy hours of weight 3 and 12 quiet hours of weight 1: mean 2, factors 1.5 and 0.5,
    /// so hourly loads of 3.0 and 1.0 replicas.
    static let businessHours = "{ \"hourly\": [" + (Array(repeating: "1", count: 6) + Array(repeating: "3", count: 12) + Array(repeating: "1", count: 6)).joined(separator: ",") + "] }"

    @Test func hourlyScalingFollowsTheDay() throws {
        let staticPlan = try ScenarioText.scenario(workload: Self.workload(shape: Self.businessHours), options: [Self.option(utilization: 1)])
        let hourlyPlan = try ScenarioText.scenario(workload: Self.workload(shape: Self.businessHours), options: [Self.option(utilization: 1, scaling: "hourly")])
        let s = try #require(ScenarioText.project(staticPlan)["gpu"]?.first)
        let h = try #require(ScenarioText.project(hourlyPlan)["gpu"]?.first)
        // static: 3 replicas all 720 hours = 2,160 replica-hours × 2 GPUs × $2 = $8,640
        #expect(close(s.costs.gpu, 8_640))
        // hourly: (12 h × 3 + 12 h × 1) × 30 days = 1,440 replica-hours × $4 = $5,760
        #expect(close(h.costs.gpu, 5_760))
        // utilization: 2.0 × 720 served over 2,160 and over 1,440 replica-hours
        #expect(close(s.utilization, 2.0 / 3.0) && close(h.utilization, 1.0))
    }

    @Test func batchTrafficFillsValleysAndDoesNotPeak() throws {
        let s = try ScenarioText.scenario(workload: Self.workload(shape: Self.businessHours, batch: 0.25),
                                          options: [Self.option(utilization: 1, scaling: "hourly")])
        let m = try #require(ScenarioText.project(s)["gpu"]?.first)
        // batch 0.5 flat + interactive 1.5 × (1.5 | 0.5) = 2.75 busy, 1.25 quiet → 3 and 2 replicas
        // (12 × 3 + 12 × 2) × 30 = 1,800 replica-hours × $4 = $7,200
        #expect(close(m.costs.gpu, 7_200))
        #expect(m.replicas == 3)
    }

    @Test func peakToAverageGivesNoShapeToFollow() throws {
        let shape = #"{ "peak_to_average": 1.5 }"#
        let a = try ScenarioText.scenario(workload: Self.workload(shape: shape), options: [Self.option()])
        let b = try ScenarioText.scenario(workload: Self.workload(shape: shape), options: [Self.option(scaling: "hourly")])
        // With only the peak known, hourly scaling equals static: 4 replicas all month.
        #expect(ScenarioText.project(a)["gpu"]?.first?.costs == ScenarioText.project(b)["gpu"]?.first?.costs)
    }

    @Test func minReplicasHoldsAnIdleFleet() throws {
        let option = """
            { "id": "gpu", "type": "self_hosted", "gpu_hourly": 1, "min_replicas": 3,
              "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }
            """
        let s = try ScenarioText.scenario(workload: #"{ "requests_per_month": 0, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#, options: [option])
        let m = try #require(ScenarioText.project(s)["gpu"]?.first)
        // 3 replicas × 720 h × $1 with nothing to serve
        #expect(m.costs.gpu == 2_160 && m.utilization == 0)
    }
}
