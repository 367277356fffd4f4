import BreakevenCore

// Conversions between the engine's values and the database rows. Values → rows checks money
// (never negative, finite); rows → values turns micro-USD back into Double USD.

extension ModelPrice {
    func record() throws -> ModelPriceRecord {
        let entry = "model \(id) from \(effectiveFrom)"
        func money(_ field: String, _ usd: Double) throws -> Int64 {
            guard let micros = MicroUSD.from(usd) else { throw CatalogError.invalidAmount(entry: entry, field: field, value: usd) }
            return micros
        }
        func optionalMoney(_ field: String, _ usd: Double?) throws -> Int64? {
            try usd.map { try money(field, $0) }
        }
        return ModelPriceRecord(
            id: nil, modelID: id, provider: provider, effectiveFrom: effectiveFrom.description,
            inputMicros: try money("input", inputPerMTok),
            cachedInputMicros: try optionalMoney("cached_input", cachedInputPerMTok),
            cacheWriteMicros: try optionalMoney("cache_write", cacheWritePerMTok),
            outputMicros: try money("output", outputPerMTok),
            batchInputMicros: try optionalMoney("batch_input", batchInputPerMTok),
            batchOutputMicros: try optionalMoney("batch_output", batchOutputPerMTok),
            perRequestMicros: try optionalMoney("per_request", perRequest),
            contextWindow: contextWindow, source: source)
    }

    func tierRecords(priceID: Int64) throws -> [LongContextTierRecord] {
        let entry = "model \(id) from \(effectiveFrom)"
        return try longContext.map { tier in
            let field = "long_context[>\(tier.aboveInputTokens)]"
            guard let input = MicroUSD.from(tier.inputPerMTok) else {
                throw CatalogError.invalidAmount(entry: entry, field: field + ".input", value: tier.inputPerMTok)
            }
            guard let output = MicroUSD.from(tier.outputPerMTok) else {
                throw CatalogError.invalidAmount(entry: entry, field: field + ".output", value: tier.outputPerMTok)
            }
            var cached: Int64?
            if let usd = tier.cachedInputPerMTok {
                guard let micros = MicroUSD.from(usd) else {
                    throw CatalogError.invalidAmount(entry: entry, field: field + ".cached_input", value: usd)
                }
                cached = micros
            }
            return LongContextTierRecord(priceID: priceID, aboveInputTokens: tier.aboveInputTokens,
                                         inputMicros: input, outputMicros: output, cachedInputMicros: cached)
        }
    }

    func timeOfDayRecords(priceID: Int64) throws -> [TimeOfDayPriceRecord] {
        let entry = "model \(id) from \(effectiveFrom)"
        return try timeOfDay.map { window in
            let field = "time_of_day[\(window.startMinuteOfDay)]"
            guard let input = MicroUSD.from(window.inputPerMTok) else {
                throw CatalogError.invalidAmount(entry: entry, field: field + ".input", value: window.inputPerMTok)
            }
            guard let output = MicroUSD.from(window.outputPerMTok) else {
                throw CatalogError.invalidAmount(entry: entry, field: field + ".output", value: window.outputPerMTok)
            }
            var cached: Int64?
            if let usd = window.cachedInputPerMTok {
                guard let micros = MicroUSD.from(usd) else {
                    throw CatalogError.invalidAmount(entry: entry, field: field + ".cached_input", value: usd)
                }
                cached = micros
            }
            return TimeOfDayPriceRecord(priceID: priceID, startMinute: window.startMinuteOfDay, endMinute: window.endMinuteOfDay,
                                        inputMicros: input, cachedInputMicros: cached, outputMicros: output)
        }
    }

    init(record r: ModelPriceRecord, tiers: [LongContextTierRecord], windows: [TimeOfDayPriceRecord]) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "model \(r.modelID)", message: "effective_from is not a YYYY-MM-DD day: \(r.effectiveFrom)")
        }
        self.init(
            id: r.modelID, provider: r.provider, effectiveFrom: day,
            inputPerMTok: MicroUSD.usd(r.inputMicros),
            cachedInputPerMTok: r.cachedInputMicros.map(MicroUSD.usd),
            cacheWritePerMTok: r.cacheWriteMicros.map(MicroUSD.usd),
            outputPerMTok: MicroUSD.usd(r.outputMicros),
            batchInputPerMTok: r.batchInputMicros.map(MicroUSD.usd),
            batchOutputPerMTok: r.batchOutputMicros.map(MicroUSD.usd),
            perRequest: r.perRequestMicros.map(MicroUSD.usd),
            longContext: tiers.sorted { $0.aboveInputTokens < $1.aboveInputTokens }.map {
                LongContextTier(aboveInputTokens: $0.aboveInputTokens, inputPerMTok: MicroUSD.usd($0.inputMicros),
                                outputPerMTok: MicroUSD.usd($0.outputMicros), cachedInputPerMTok: $0.cachedInputMicros.map(MicroUSD.usd))
            },
            timeOfDay: windows.sorted { $0.startMinute < $1.startMinute }.map {
                TimeOfDayPrice(minutes: $0.startMinute, to: $0.endMinute, inputPerMTok: MicroUSD.usd($0.inputMicros),
                               cachedInputPerMTok: $0.cachedInputMicros.map(MicroUSD.usd), outputPerMTok: MicroUSD.usd($0.outputMicros))
            },
            contextWindow: r.contextWindow, source: r.source)
    }
}

extension TimeOfDayPrice {
    var startMinuteOfDay: Int { startHour * 60 + (startMinute ?? 0) }
    var endMinuteOfDay: Int { endHour * 60 + (endMinute ?? 0) }

    /// A window given in minutes after midnight; minutes on the hour are stored as nil.
    init(minutes start: Int, to end: Int, inputPerMTok: Double, cachedInputPerMTok: Double?, outputPerMTok: Double) {
        self.init(startHour: start / 60, endHour: end / 60, inputPerMTok: inputPerMTok, cachedInputPerMTok: cachedInputPerMTok,
                  outputPerMTok: outputPerMTok,
                  startMinute: start % 60 == 0 ? nil : start % 60, endMinute: end % 60 == 0 ? nil : end % 60)
    }
}

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
                              effectiveFrom: effectiveFrom.description, source: source)
    }

    init(record r: HardwareRecord) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "hardware \(r.hardwareID)", message: "unreadable date \(r.effectiveFrom)")
        }
        self.init(id: r.hardwareID, name: r.name, price: MicroUSD.usd(r.priceMicros), memoryGB: r.memoryGB,
                  bandwidthTBps: r.bandwidthTBps, bf16TFLOPS: r.bf16TFLOPS, tdpWatts: r.tdpWatts, wattsBusy: r.wattsBusy,
                  wattsIdle: r.wattsIdle, effectiveFrom: day, source: r.source, fp8TFLOPS: r.fp8TFLOPS, fp4TFLOPS: r.fp4TFLOPS)
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
