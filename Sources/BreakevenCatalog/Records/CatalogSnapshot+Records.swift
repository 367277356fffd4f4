import BreakevenCore

// Conversions between the engine's values and the database rows. Values → rows checks money
// (never negative, finite); rows → values turns micro-USD back into Double USD.

extension GPUSpec {
    func record() throws -> GPURecord {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "gpu \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        return GPURecord(id: id, name: name, memoryGB: memoryGB, bandwidthTBps: bandwidthTBps, bf16TFLOPS: bf16TFLOPS,
                         fp8TFLOPS: fp8TFLOPS, int8TOPS: int8TOPS, int4TOPS: int4TOPS, fp4TFLOPS: fp4TFLOPS, tdpWatts: tdpWatts,
                         source: source, retrievedOn: retrievedOn.description)
    }

    init(record r: GPURecord) {
        self.init(id: r.id, name: r.name, memoryGB: r.memoryGB, bandwidthTBps: r.bandwidthTBps, bf16TFLOPS: r.bf16TFLOPS,
                  fp8TFLOPS: r.fp8TFLOPS, int8TOPS: r.int8TOPS, int4TOPS: r.int4TOPS, fp4TFLOPS: r.fp4TFLOPS, tdpWatts: r.tdpWatts,
                  source: r.source, retrievedOn: CalendarDay(r.retrievedOn))
    }
}

extension GPUOffer {
    func record() throws -> GPUOfferRecord {
        guard let micros = MicroUSD.from(hourly) else {
            throw CatalogError.invalidAmount(entry: "gpu offer \(id) from \(effectiveFrom)", field: "hourly", value: hourly)
        }
        return GPUOfferRecord(offerID: id, gpuID: gpu, provider: provider, commitment: commitment.rawValue,
                              hourlyMicros: micros, effectiveFrom: effectiveFrom.description, source: source)
    }

    init(record r: GPUOfferRecord) throws {
        guard let commitment = GPUCommitment(rawValue: r.commitment), let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "gpu offer \(r.offerID)", message: "unreadable commitment or date")
        }
        self.init(id: r.offerID, gpu: r.gpuID, provider: r.provider, commitment: commitment,
                  hourly: MicroUSD.usd(r.hourlyMicros), effectiveFrom: day, source: r.source)
    }
}

extension OpenModelArchitecture {
    func record() throws -> OpenModelRecord {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "open model \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        guard totalParameters.isFinite, activeParameters.isFinite, totalParameters >= 1, activeParameters >= 1,
              totalParameters < 1e18, activeParameters <= totalParameters
        else {
            throw CatalogError.invalidEntry(entry: "open model \(id)", message: "expected 1 ≤ active parameters ≤ total parameters")
        }
        return OpenModelRecord(id: id, name: name, totalParameters: Int64(totalParameters.rounded()),
                               activeParameters: Int64(activeParameters.rounded()), layers: layers, hiddenSize: hiddenSize,
                               attentionHeads: attentionHeads, kvHeads: kvHeads, headDimension: headDimension,
                               latentKVValues: latentKVValues, experts: experts, expertsPerToken: expertsPerToken,
                               nativePrecision: nativePrecision?.rawValue,
                               slidingWindow: slidingWindow, slidingWindowLayers: slidingWindowLayers,
                               contextLength: contextLength, license: license, source: source,
                               retrievedOn: retrievedOn.description)
    }

    init(record r: OpenModelRecord) {
        self.init(id: r.id, name: r.name, totalParameters: Double(r.totalParameters), activeParameters: Double(r.activeParameters),
                  layers: r.layers, hiddenSize: r.hiddenSize, attentionHeads: r.attentionHeads, kvHeads: r.kvHeads,
                  headDimension: r.headDimension, latentKVValues: r.latentKVValues, experts: r.experts,
                  expertsPerToken: r.expertsPerToken, nativePrecision: r.nativePrecision.flatMap(Precision.init(rawValue:)),
                  slidingWindow: r.slidingWindow, slidingWindowLayers: r.slidingWindowLayers,
                  contextLength: r.contextLength, license: r.license, source: r.source,
                  retrievedOn: CalendarDay(r.retrievedOn))
    }
}

extension HardwareSpec {
    func record() throws -> HardwareRecord {
        guard let micros = MicroUSD.from(price) else {
            throw CatalogError.invalidAmount(entry: "hardware \(id) from \(effectiveFrom)", field: "price", value: price)
        }
        return HardwareRecord(hardwareID: id, name: name, priceMicros: micros, memoryGB: memoryGB, bandwidthTBps: bandwidthTBps,
                              bf16TFLOPS: bf16TFLOPS, fp8TFLOPS: fp8TFLOPS, fp4TFLOPS: fp4TFLOPS, tdpWatts: tdpWatts, wattsBusy: wattsBusy, wattsIdle: wattsIdle,
                              effectiveFrom: effectiveFrom.description, source: source, provider: provider)
    }

    init(record r: HardwareRecord) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "hardware \(r.hardwareID)", message: "unreadable date \(r.effectiveFrom)")
        }
        self.init(id: r.hardwareID, name: r.name, price: MicroUSD.usd(r.priceMicros), memoryGB: r.memoryGB,
                  bandwidthTBps: r.bandwidthTBps, bf16TFLOPS: r.bf16TFLOPS, tdpWatts: r.tdpWatts, wattsBusy: r.wattsBusy,
                  wattsIdle: r.wattsIdle, effectiveFrom: day, source: r.source, fp8TFLOPS: r.fp8TFLOPS, fp4TFLOPS: r.fp4TFLOPS, provider: r.provider)
    }
}

extension SubscriptionPlan {
    func record() throws -> SubscriptionPlanRecord {
        guard let micros = MicroUSD.from(monthlyFee) else {
            throw CatalogError.invalidAmount(entry: "plan \(id) from \(effectiveFrom)", field: "monthly_fee", value: monthlyFee)
        }
        return SubscriptionPlanRecord(planID: id, name: name, provider: provider, monthlyFeeMicros: micros,
                                      includedRequestsPerMonth: includedRequestsPerMonth, includes: includes,
                                      effectiveFrom: effectiveFrom.description, source: source)
    }

    init(record r: SubscriptionPlanRecord) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "plan \(r.planID)", message: "unreadable date \(r.effectiveFrom)")
        }
        self.init(id: r.planID, name: r.name, provider: r.provider, monthlyFee: MicroUSD.usd(r.monthlyFeeMicros),
                  includedRequestsPerMonth: r.includedRequestsPerMonth, includes: r.includes, effectiveFrom: day, source: r.source)
    }
}
