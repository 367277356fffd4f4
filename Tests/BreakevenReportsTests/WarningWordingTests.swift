import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// Warnings in the words a report prints, from the facts the analysis found.
@Suite("Warning wording")
struct WarningWordingTests {
    /// An API and the self-hosted option `gpu` over `months` months from January 2027, analysed.
    static func analysed(months: Int, requests: Int, gpu: String) throws -> BreakevenResult {
        let text = """
            { "version": 1, "name": "t", "start": "2027-01", "months": \(months),
              "workload": { "requests_per_month": \(requests), "input_tokens_per_request": 1000, "output_tokens_per_request": 100 },
              "options": [ { "id": "api", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8 } }, \(gpu) ] }
            """
        let scenario = try ScenarioLoader.load(Array(text.utf8), file: "t.json").scenario
        return BreakevenAnalysis.analyse(scenario, Simulator.project(scenario))
    }

    @Test func aCommitmentBeyondTheHorizonSaysWhatItStillOwes() throws {
        // 2 reserved replicas of 1 GPU at $1.50 a GPU-hour for 12 months, in a 3-month horizon from
        // January 2027: April to December have 6,600 hours; 2 × $1.50 × 6,600 = $19,800 left owing.
        let result = try Self.analysed(months: 3, requests: 100_000, gpu: """
            { "id": "gpu", "type": "self_hosted", "label": "Reserved GPUs", "gpu_hourly": 2,
              "commitment": { "reserved_replicas": 2, "reserved_hourly": 1.5, "term_months": 12 },
              "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }
            """)
        let warning = try #require(result.warnings.first { $0.code == .commitmentBeyondHorizon })
        #expect(WarningWording.sentence(warning, in: result)
                == "Reserved GPUs is committed for 9 months past the end of the horizon: the $19,800.00 it still owes then is not in its total. Lengthen months to count it, or weigh it beside the savings.")
    }

    /// The offer a deployment takes is the one cheapest for its smallest deployment in whole
    /// instances, which need not be the cheapest GPU-hour (one H200: RunPod's $6.35 for one GPU
    /// over CoreWeave's $6.305 a GPU in 8-GPU instances), so the sentence does not call it the
    /// cheapest offer for the GPU.
    @Test func anOfferSpreadNamesTheOfferTakenAndWhy() throws {
        let result = try Self.analysed(months: 1, requests: 1_000, gpu: """
            { "id": "gpu", "type": "self_hosted", "label": "One H200", "gpu_hourly": 6.35,
              "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }
            """)
        var figures = WarningFigures(amount: 6.35, value: nil)
        figures.offer = "runpod/h200/on-demand"
        figures.provider = "runpod"
        figures.dearestOffer = "aws/h200/on-demand"
        figures.dearestHourly = 13.5
        #expect(WarningWording.sentence(Warning(.offerSpread, option: "gpu", figures), in: result)
                == "One H200 takes runpod/h200/on-demand at $6.35 a GPU-hour (runpod), the catalog offer for its GPU that costs least for its smallest deployment in whole instances; the dearest, aws/h200/on-demand, costs $13.50, more than twice as much. The verdict rests on that offer: check that it can supply the GPUs, or name an offer with gpu_offer.")
    }

    @Test func aReservationDearerThanOnDemandSaysWhatToDo() throws {
        let result = try Self.analysed(months: 1, requests: 1_000, gpu: """
            { "id": "gpu", "type": "self_hosted", "label": "Reserved H100s", "gpu_hourly": 2.69,
              "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }
            """)
        var figures = WarningFigures(amount: 38.864, value: 21.52)
        (figures.replicas, figures.gpus) = (4, 8)
        #expect(WarningWording.sentence(Warning(.reservationAboveOnDemand, option: "gpu", figures), in: result)
                == "Reserved H100s pays $38.86 an hour for its 4 reserved replicas (8 GPUs), more than the $21.52 they would cost at its on-demand price: reserving raises its cost however busy they are. Reserve only where the on-demand offer cannot supply the GPUs; otherwise drop the reservation, or name a provider so that both prices are that provider's.")
    }
}
