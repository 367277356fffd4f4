import Testing
@testable import BreakevenCore

/// GPUs rented in whole instances: AWS p5.48xlarge and GCP a3-highgpu-8g rent eight H100s at
/// once, so three replicas of two GPUs pay for eight GPUs, not six. The workload and option are
/// `SelfHostedCostTests`': April 2026 (720 hours), an average load of exactly 2.0 replicas of
/// 2 GPUs at $2 a GPU-hour.
@Suite("GPUs rented in whole instances")
struct InstancePackingTests {
    @Test func replicasArePackedIntoWholeInstances() {
        let twoOnEight = InstancePacking(gpusPerReplica: 2, gpusPerInstance: 8)
        // 4 replicas of 2 GPUs fill one 8-GPU instance: 1 to 4 replicas pay 8 GPUs, 5 pay 16.
        #expect([1.0, 3, 4, 5, 8, 9].map { twoOnEight.billedGPUs(replicas: $0) } == [8, 8, 8, 16, 16, 24])
        #expect(twoOnEight.billedGPUs(replicas: 0) == 0)
        // 3 reserved replicas pay a whole instance, which runs a 4th.
        #expect(twoOnEight.replicasHeld(billingFor: 3) == 4)
        // One GPU an instance: each replica its own GPUs, as before instances were known.
        let single = InstancePacking(gpusPerReplica: 2, gpusPerInstance: 1)
        #expect(single.billedGPUs(replicas: 3) == 6 && single.replicasHeld(billingFor: 3) == 3)
        // A replica of 3 GPUs: two fit an 8-GPU instance (2 GPUs idle), so 3 replicas take 2 instances.
        #expect(InstancePacking(gpusPerReplica: 3, gpusPerInstance: 8).billedGPUs(replicas: 3) == 16)
        // A replica of 8 GPUs on 4-GPU slices (GB200 NVL72) takes 2 slices of its own: 3 replicas, 24 GPUs.
        #expect(InstancePacking(gpusPerReplica: 8, gpusPerInstance: 4).billedGPUs(replicas: 3) == 24)
        // 6 GPUs on 4-GPU slices: 2 slices, 8 GPUs, each.
        #expect(InstancePacking(gpusPerReplica: 6, gpusPerInstance: 4).billedGPUs(replicas: 2) == 16)
    }

    static func option(instance: Int, scaling: String = "static", reservation: String = "") -> String {
        """
        { "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "gpus_per_instance": \(instance),
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 },
          "max_utilization": 1, "scaling": "\(scaling)" \(reservation) }
        """
    }

    static func month(_ option: String, shape: String) throws -> MonthlyProjection {
        let s = try ScenarioText.scenario(workload: SelfHostedCostTests.workload(shape: shape), options: [option])
        return try #require(ScenarioText.project(s)["gpu"]?.first)
    }

    @Test func aStaticPeakPaysItsWholeInstances() throws {
        // Peak 2.0 × 1.5 = 3 replicas, 6 GPUs. On 1-GPU rentals: 6 × 720 h × $2 = $8,640.
        let shape = #"{ "peak_to_average": 1.5 }"#
        #expect(close(try Self.month(Self.option(instance: 1), shape: shape).costs.gpu, 8_640))
        // On 8-GPU instances: one instance, 8 × 720 × $2 = $11,520. Replicas and utilization are
        // the load's: 3 replicas, 2.0 of 3 served.
        let packed = try Self.month(Self.option(instance: 8), shape: shape)
        #expect(close(packed.costs.gpu, 11_520))
        #expect(packed.replicas == 3 && close(packed.utilization, 2.0 / 3.0))
        // The GPUs paid for at the peak: 8, of which the 3 replicas use 6.
        let single = try Self.month(Self.option(instance: 1), shape: shape)
        #expect(packed.gpus == 8 && single.gpus == 6)
    }

    @Test func hourlyScalingStartsAndStopsWholeInstances() throws {
        // 12 hours at 3 replicas (6 GPUs) and 12 at 1 (2 GPUs), 30 days.
        let shape = SelfHostedCostTests.businessHours
        // 1-GPU rentals: (12 × 6 + 12 × 2) × 30 = 2,880 GPU-hours × $2 = $5,760.
        #expect(close(try Self.month(Self.option(instance: 1, scaling: "hourly"), shape: shape).costs.gpu, 5_760))
        // 8-GPU instances: one instance all day, 8 × 24 × 30 = 5,760 GPU-hours × $2 = $11,520.
        #expect(close(try Self.month(Self.option(instance: 8, scaling: "hourly"), shape: shape).costs.gpu, 11_520))
        // 4-GPU instances: 3 replicas take 2 (8 GPUs), 1 takes 1 (4): (12 × 8 + 12 × 4) × 30 = 4,320 × $2 = $8,640.
        #expect(close(try Self.month(Self.option(instance: 4, scaling: "hourly"), shape: shape).costs.gpu, 8_640))
    }

    @Test func aReservationHoldsTheReplicasItsInstancesFit() throws {
        // Peak 2.0 × 2.0 = 4 replicas. 3 reserved on 8-GPU instances pay one instance, 8 GPUs × 720 h ×
        // $1.50 = $8,640, and that instance runs the 4th replica: nothing bursts on demand.
        let shape = #"{ "peak_to_average": 2 }"#
        let reserved = #", "commitment": { "reserved_replicas": 3, "reserved_hourly": 1.5, "gpus_per_instance": 8 }"#
        let m = try Self.month(Self.option(instance: 1, reservation: reserved), shape: shape)
        #expect(close(m.costs.gpu, 8_640))
        // Served 2.0 × 720 over the 4 replicas held all month: 0.5.
        #expect(close(m.utilization, 0.5))
        // Without instances: 3 reserved × 2 GPUs × 720 × $1.50 = $6,480, plus the 4th replica on
        // demand, 2 GPUs × 720 × $2 = $2,880: $9,360.
        let single = #", "commitment": { "reserved_replicas": 3, "reserved_hourly": 1.5 }"#
        #expect(close(try Self.month(Self.option(instance: 1, reservation: single), shape: shape).costs.gpu, 9_360))
        // Peak 2.0 × 3.0 = 6 replicas: 2 above the 4 held burst on 8-GPU on-demand instances, one
        // instance: $8,640 + 8 × 720 × $2 = $20,160.
        let burst = try Self.month(Self.option(instance: 8, reservation: reserved), shape: #"{ "peak_to_average": 3 }"#)
        #expect(close(burst.costs.gpu, 20_160))
        // At the peak: the reserved instance's 8 GPUs and the on-demand instance's 8.
        #expect(m.gpus == 8 && burst.gpus == 16)
    }

    static let catalog = CatalogSnapshot(
        gpus: [GPUSpec(id: "h100-sxm", name: "H100 SXM", datasheet: Datasheet(memoryGB: 80, bandwidthTBps: 3.35, bf16TFLOPS: 989), tdpWatts: 700,
                       source: "test")],
        gpuOffers: [
            GPUOffer(id: "h100-sxm/cloud/on_demand", gpu: "h100-sxm", provider: "cloud", commitment: .onDemand, hourly: 10, gpusPerInstance: 8,
                     effectiveFrom: ProviderFilterTests.day, source: "p5.48xlarge / 8"),
            GPUOffer(id: "h100-sxm/cloud/reserved_1y", gpu: "h100-sxm", provider: "cloud", commitment: .reserved1y, hourly: 6.5,
                     gpusPerInstance: 8, effectiveFrom: ProviderFilterTests.day, source: "p5.48xlarge 1-year / 8"),
        ])

    static func load(_ option: String) throws -> Scenario {
        let text = ScenarioText.document(workload: ProviderFilterTests.workload, options: [option], extra: #", "as_of": "2026-11-15""#)
        return try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: catalog).scenario
    }

    @Test func theInstanceComesWithTheCatalogPrice() throws {
        let throughput = ProviderFilterTests.throughput
        let offered = try Self.load(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", \#(throughput), "commitment": { "reserved_replicas": 1 } }"#)
        let instance = offered.assumptions.first { $0.path == "options.g.gpus_per_instance" }
        #expect(instance?.value == "8")
        #expect(instance?.source == .catalog(id: "h100-sxm/cloud/on_demand", effectiveFrom: "2026-11-01", source: "p5.48xlarge / 8"))
        #expect(offered.assumptions.first { $0.path == "options.g.commitment.gpus_per_instance" }?.value == "8")
        let terms = try #require(offered.options.first?.terms(SelfHostedDeployment.self))
        #expect(terms.gpusPerInstance == 8 && terms.reservation?.gpusPerInstance == 8)
        // Reserved replicas are the reservation; the on-demand price above them is by the hour.
        #expect(terms.termMonths == nil)
        // Naming a reserved offer reserves every GPU for its term, as the commitment word does.
        let named = try Self.load(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "gpu_offer": "h100-sxm/cloud/reserved_1y", \#(throughput) }"#)
        #expect(named.options.first?.terms(SelfHostedDeployment.self)?.termMonths == 12)
        // A price written by hand is the user's own rental: one GPU at a time unless they say so.
        let written = try Self.load(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 3, \#(throughput) }"#)
        #expect(written.assumptions.first { $0.path == "options.g.gpus_per_instance" }?.value == "1")
        #expect(written.options.first?.terms(SelfHostedDeployment.self)?.gpusPerInstance == 1)
    }

    @Test func aSweptPriceKeepsTheOffersInstance() throws {
        // One replica of one GPU on the offer's 8-GPU instance, April 2026 (720 hours): at $1 a
        // GPU-hour 8 × 720 × $1 = $5,760, at $2 $11,520. The API baseline costs 1,000 requests of 100
        // prompt and 10 output tokens at $1 and $10 per Mtok: (100,000 × $1 + 10,000 × $10) / 1e6 = $0.20.
        // A swept price is the offer's price changed, not a rental of one GPU.
        let text = ScenarioText.document(workload: ProviderFilterTests.workload, options: [
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } }"#,
            #"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", \#(ProviderFilterTests.throughput) }"#,
        ], extra: #", "as_of": "2026-11-15""#)
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: Self.catalog)
        let grid = try Sweep.run(loaded, x: try SweepAxis.parse("options.g.gpu_hourly=1..2:2", flag: "--x"), y: nil, metric: .savings,
                                 option: "g", threads: 1)
        #expect(close(grid.savings(0, 0), 0.20 - 5_760) && close(grid.savings(1, 0), 0.20 - 11_520))
    }

    @Test func idleGPUsOfThePeakAreAWarning() throws {
        // 3 replicas of 2 GPUs on 8-GPU instances: 6 used, 8 paid, at the peak month 1.
        let s = try ScenarioText.scenario(workload: SelfHostedCostTests.workload(shape: #"{ "peak_to_average": 1.5 }"#),
                                          options: [Self.option(instance: 8)])
        let warnings = BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .idleInstanceGPUs }
        var figures = WarningFigures()
        (figures.month, figures.replicas, figures.gpus, figures.billedGPUs, figures.gpusPerInstance) = (1, 3, 6, 8, 8)
        #expect(warnings == [Warning(.idleInstanceGPUs, option: "gpu", figures)])
        // 4 replicas fill the instance: nothing idle, no warning.
        let full = try ScenarioText.scenario(workload: SelfHostedCostTests.workload(shape: #"{ "peak_to_average": 2 }"#),
                                             options: [Self.option(instance: 8)])
        #expect(!BreakevenAnalysis.analyse(full, Simulator.project(full)).warnings.contains { $0.code == .idleInstanceGPUs })
    }

    /// Replicas of 2 GPUs at $2 a GPU-hour on demand. 3 reserved on 1-GPU instances at $2.50:
    /// 6 × $2.50 = $15 an hour against 6 × $2 = $12 on demand, a warning. At $1.50 ($9) none.
    /// On demand in 8-GPU instances, the same 3 replicas pay 8 × $2 = $16: $15 reserved is cheaper.
    @Test func aReservationDearerThanOnDemandIsAWarning() throws {
        func warnings(instance: Int, reserved: Double) throws -> [Warning] {
            let commitment = #", "commitment": { "reserved_replicas": 3, "reserved_hourly": \#(reserved), "gpus_per_instance": 1 }"#
            let s = try ScenarioText.scenario(workload: SelfHostedCostTests.workload(shape: #"{ "peak_to_average": 1 }"#),
                                              options: [Self.option(instance: instance, reservation: commitment)])
            return BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .reservationAboveOnDemand }
        }
        var figures = WarningFigures(amount: 15, value: 12)
        (figures.replicas, figures.gpus) = (3, 6)
        #expect(try warnings(instance: 1, reserved: 2.5) == [Warning(.reservationAboveOnDemand, option: "gpu", figures)])
        #expect(try warnings(instance: 1, reserved: 1.5).isEmpty)
        #expect(try warnings(instance: 8, reserved: 2.5).isEmpty)
    }

    @Test func aReservationPastTheHorizonOwesItsWholeInstances() throws {
        // 2 replicas × 2 GPUs on an 8-GPU instance pay 8 GPUs: 8 × $1.50 × 6,600 hours = $79,200
        // for April to December 2027 (see CommitmentBeyondHorizonTests).
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpus_per_replica": 2, "commitment": { "reserved_replicas": 2, "reserved_hourly": 1.5, "term_months": 12, "gpus_per_instance": 8 }, \#(CommitmentBeyondHorizonTests.throughput) }"#
        #expect(try CommitmentBeyondHorizonTests.warnings(gpu) == [Warning(.commitmentBeyondHorizon, option: "gpu", WarningFigures(months: 9, amount: 79_200))])
    }
}
