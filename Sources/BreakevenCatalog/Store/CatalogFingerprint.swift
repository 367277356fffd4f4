import BreakevenCore

extension CatalogSnapshot {
    /// A short, stable name for the catalog's contents, recorded with every run so that a result
    /// can be traced to the prices it used: `catalog-v1:<rows>:<latest date>:<FNV-1a 64 hex>`.
    ///
    /// The hash runs over a canonical text of every row (sorted, money in micro-USD, fixed field
    /// order), so the same contents give the same fingerprint whether read from the embedded seed
    /// or from a database, on any machine. It is a checksum, not a security measure.
    public var fingerprint: String {
        let snapshot = canonical()
        var hash = FNV1a64()
        var rows = 0
        var latest: CalendarDay?
        func note(_ day: CalendarDay?) {
            if let day, latest.map({ day > $0 }) ?? true { latest = day }
        }
        func row(_ fields: [String]) {
            rows += 1
            hash.add(fields.joined(separator: "\u{1F}"))
            hash.add("\u{1E}")
        }
        let money = { (usd: Double?) in usd.flatMap(MicroUSD.from).map(String.init) ?? "-" }
        let number = { (value: Double?) in value.map { "\($0)" } ?? "-" }
        let integer = { (value: Int?) in value.map(String.init) ?? "-" }

        for p in snapshot.modelPrices {
            note(p.effectiveFrom)
            var fields = ["model", p.id, p.provider, p.effectiveFrom.description, money(p.inputPerMTok), money(p.cachedInputPerMTok),
                          money(p.cacheWritePerMTok), money(p.outputPerMTok), money(p.batchInputPerMTok),
                          money(p.batchOutputPerMTok), money(p.perRequest), integer(p.contextWindow), p.source]
            // Issue 14's fields, only when present: a catalog without them keeps its fingerprint.
            let detail = [money(p.cacheWrite1hPerMTok), money(p.batchCachedInputPerMTok), money(p.batchCacheWritePerMTok),
                          money(p.batchCacheWrite1hPerMTok), p.observedOn?.description ?? "-", p.origin?.rawValue ?? "-",
                          p.dating?.rawValue ?? "-", p.supplement ?? "-"]
            if detail.contains(where: { $0 != "-" }) { fields += ["detail"] + detail }
            for t in p.longContext {
                fields += ["tier", String(t.aboveInputTokens), money(t.inputPerMTok), money(t.outputPerMTok), money(t.cachedInputPerMTok)]
                if t.cacheWritePerMTok != nil || t.cacheWrite1hPerMTok != nil {
                    fields += [money(t.cacheWritePerMTok), money(t.cacheWrite1hPerMTok)]
                }
            }
            for s in p.serviceTiers {
                fields += ["service-tier", s.tier, money(s.inputPerMTok), money(s.cachedInputPerMTok), money(s.cacheWritePerMTok),
                           money(s.outputPerMTok)]
            }
            for w in p.timeOfDay {
                fields += ["window", String(w.startMinuteOfDay), String(w.endMinuteOfDay), money(w.inputPerMTok),
                           money(w.cachedInputPerMTok), money(w.outputPerMTok)]
            }
            row(fields)
        }
        for g in snapshot.gpus {
            note(g.retrievedOn)
            let d = g.datasheet
            row(["gpu", g.id, g.name, number(d.memoryGB), number(d.bandwidthTBps), number(d.bf16TFLOPS), number(d.fp8TFLOPS),
                 number(d.int8TOPS), number(d.int4TOPS), number(g.tdpWatts), g.source, g.retrievedOn?.description ?? "-",
                 number(d.fp4TFLOPS)])
        }
        for o in snapshot.gpuOffers {
            note(o.effectiveFrom)
            // The instance size only where it is not 1: a catalog without it keeps its fingerprint.
            row(["offer", o.id, o.gpu, o.provider, o.commitment.rawValue, money(o.hourly), o.effectiveFrom.description, o.source]
                + (o.gpusPerInstance == 1 ? [] : ["instance", String(o.gpusPerInstance)]))
        }
        for m in snapshot.openModels {
            note(m.retrievedOn)
            row(["open-model", m.id, m.name, number(m.totalParameters), number(m.activeParameters), String(m.layers),
                 String(m.hiddenSize), String(m.attentionHeads), String(m.kvHeads), String(m.headDimension),
                 m.latentKVValues.map(String.init) ?? "-", String(m.contextLength), m.license, m.source, m.retrievedOn?.description ?? "-",
                 m.experts.map(String.init) ?? "-", m.expertsPerToken.map(String.init) ?? "-", m.nativePrecision?.rawValue ?? "-",
                 m.slidingWindow.map(String.init) ?? "-", m.slidingWindowLayers.map(String.init) ?? "-"])
        }
        for e in snapshot.entries {
            note(e.effectiveFrom)
            row(["entry", e.kind, e.id, e.provider, e.effectiveFrom.description]
                + e.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                + e.words.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [e.source])
        }
        for h in snapshot.hardware {
            note(h.effectiveFrom)
            let d = h.datasheet
            row(["hardware", h.id, h.name, money(h.price), number(d.memoryGB), number(d.bandwidthTBps), number(d.bf16TFLOPS),
                 number(h.tdpWatts), number(h.wattsBusy), number(h.wattsIdle), h.effectiveFrom.description, h.source,
                 number(d.fp8TFLOPS), number(d.fp4TFLOPS)]
                + (h.provider.map { ["provider", $0] } ?? []))
        }
        for p in snapshot.plans {
            note(p.effectiveFrom)
            row(["plan", p.id, p.name, p.provider, money(p.monthlyFee), number(p.includedRequestsPerMonth), p.includes,
                 p.effectiveFrom.description, p.source])
        }
        for c in snapshot.calibrations ?? [] {
            row(["calibration", c.name, c.gpu, c.model, c.engine.rawValue, c.precision.rawValue, c.kvCachePrecision.rawValue,
                 String(c.tensorParallel), number(c.memoryBandwidthUtilization), number(c.computeUtilization),
                 number(c.stepOverheadMs), number(c.residual), c.sourceDigest, c.createdOn.description])
        }
        return "catalog-v1:\(rows):\(latest?.description ?? "none"):\(hash.hex)"
    }
}

/// 64-bit FNV-1a (Fowler–Noll–Vo) over UTF-8 bytes: tiny, stable across platforms and releases,
/// unlike Swift's seeded `Hasher`.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
