/// `self_hosted`: open models on rented GPUs, sized for the peak hour. The GPU-hour is written,
/// a named catalog offer, or the cheapest offer for the GPU under a commitment; reserved
/// replicas are billed for their term with on-demand burst above them.
enum SelfHostedOption: OptionDeclaration {
    struct Settings: StaffedSettings, MultipliedSettings, DerivingSettings {
        var gpuHourly: Double?
        var gpuID: String?
        var inlineGPU = Presence<DeviceSettings>()
        var gpuOfferID: String?
        /// Only this provider's catalog offers.
        var provider: String?
        var commitment: GPUCommitment?
        /// Stored in place, not as an optional behind a computed key path: a trial setting a
        /// reserved figure does not copy the settings out and back.
        var reservation = Presence<ReservationSettings>()
        var interruptionOverhead: Double?
        var gpusPerReplica: Int?
        var gpusPerInstance: Int?
        var derivation = DerivationSettings()
        var maxUtilization: Double?
        var minReplicas: Int?
        var scaling: SelfHostedDeployment.Scaling?
        var gpuPriceChangePerYear: Double?
        var team = TeamSettings()
        var oneTime: [String: Double] = [:]
        var monthlyFixed: [String: Double] = [:]
        var outputTokenMultiplier: Double?
        /// Resolved: the on-demand (or named, or committed) offer, in US dollars.
        var offer: GPUOffer?
        /// Resolved: the offer whose price the document takes (none where it writes gpu_hourly): the
        /// GPUs are rented in its instances. Kept apart from `offer` so that a trial or sweep setting
        /// gpu_hourly leaves the instance as it is.
        var pricingOffer: GPUOffer?
        /// Resolved: what the lowered option notes, the cheapest offer taken among offers more
        /// than 2× apart. Kept as the list it lowers to: each trial shares it rather than copy a warning.
        var notes: [Warning] = []
    }

    /// `commitment` as an object: replicas reserved for a term.
    struct ReservationSettings: KeySettings {
        var replicas: Int?
        var hourly: Double?
        var termMonths: Int?
        var gpusPerInstance: Int?
        /// Resolved: the catalog's reserved offer for the term, in US dollars (none where reserved_hourly
        /// is written): the reservation rents its instances.
        var offer: GPUOffer?
    }

    static let kind = OptionKind.selfHosted
    static let doc = "Open models on rented GPUs."
    static let provisionsCapacity = true
    static let rentsGPUs = true

    static let gpuHourly = NumberKey<Settings, Double>("gpu_hourly", \.gpuHourly, SharedKeys.money(1000), catalog: CatalogField(
        value: { $0.pointee.offer?.hourly }, reference: { $0.offer.map(CatalogReference.init) }, isMoney: true), KeyDoc(
        "GPU price", .money(per: "GPU-hour"),
        "Price per GPU-hour (required without a catalog gpu offer); on-demand price when reserving."))
    static let reservedReplicas = NumberKey<ReservationSettings, Int>("reserved_replicas", \.replicas, .atLeast(0, atMost: 100_000), required: true, KeyDoc(
        "Reserved replicas", .count("replicas"), "Replicas reserved for the term, billed every hour whatever the load."))
    static let reservedHourly = NumberKey<ReservationSettings, Double>("reserved_hourly", \.hourly, SharedKeys.money(1000), catalog: CatalogField(
        value: { $0.pointee.offer?.hourly }, reference: { $0.offer.map(CatalogReference.init) }, isMoney: true), KeyDoc(
        "Reserved GPU price", .money(per: "GPU-hour"), "Price per reserved GPU-hour (default: the catalog's reserved offer for the term)."))
    static let term = NumberKey<ReservationSettings, Int>("term_months", \.termMonths, .atLeast(1, atMost: 240), default: .value(12), KeyDoc(
        "Reservation term", .count("months"), "Months the reservation runs from the month the option starts serving (month 1, a switch's month, or the first month a phase allows); with the catalog's reserved price, the term its offer is sold for (12 or 36)."))
    static let reservedInstance = NumberKey<ReservationSettings, Int>("gpus_per_instance", \.gpusPerInstance, SharedKeys.instanceGPUs, default: .value(1),
        catalog: CatalogField(value: { ($0.pointee.offer?.gpusPerInstance).map(Double.init) },
                              reference: { $0.offer.map(CatalogReference.init) }, isMoney: false), KeyDoc(
            "GPUs per reserved instance", .count("GPUs"),
            "GPUs the reservation rents together (default: the catalog's reserved offer's instance, else 1): its replicas are packed into whole instances, each paid in full."))
    static let reservationObject = ObjectKey<Settings, ReservationSettings>("commitment", \.reservation.value,
                                                                          [reservedReplicas.key, reservedHourly.key, term.key, reservedInstance.key],
                                                                          KeyDoc("Reservation", .text, "Reserved replicas, with on-demand burst above them."))
    static let interruption = NumberKey<Settings, Double>(
        "interruption_overhead", \.interruptionOverhead, .share,
        default: .rule("0.1 on spot prices, else 0", { s, _ in s.pointee.offer?.commitment == .spot ? (0.1, "spot price") : (0, nil) }), KeyDoc(
            "Spot interruption overhead", .share, "Extra capacity kept for spot interruptions."))
    static let gpusPerReplica = NumberKey<Settings, Int>("gpus_per_replica", \.gpusPerReplica, .atLeast(1, atMost: 64), default: .value(1), KeyDoc(
        "GPUs per replica", .count("GPUs"), "GPUs that serve one model replica (the tensor-parallel degree when derived)."))
    static let gpusPerInstance = NumberKey<Settings, Int>("gpus_per_instance", \.gpusPerInstance, SharedKeys.instanceGPUs, default: .value(1),
        catalog: CatalogField(value: { ($0.pointee.pricingOffer?.gpusPerInstance).map(Double.init) },
                              reference: { $0.pricingOffer.map(CatalogReference.init) }, isMoney: false), KeyDoc(
            "GPUs per instance", .count("GPUs"),
            "GPUs the provider rents together (default: the catalog offer's instance, else 1): replicas are packed into whole instances, each paid in full (AWS p5.48xlarge: 8)."))
    static let maxUtilization = NumberKey<Settings, Double>("max_utilization", \.maxUtilization, .atLeast(0.01, atMost: 1), default: .value(0.7), KeyDoc(
        "Highest planned utilization", .share, "Share of a replica's capacity the sizing may plan to use."))
    static let minReplicas = NumberKey<Settings, Int>("min_replicas", \.minReplicas, .atLeast(0, atMost: 10_000), default: .value(1), KeyDoc(
        "Minimum replicas", .count("replicas"), "Replicas kept running whatever the load."))
    static let scaling = ChoiceKey<Settings, SelfHostedDeployment.Scaling>("scaling", \.scaling, default: .static, KeyDoc(
        "Scaling", .text, "static: provision the month's peak all month; hourly: follow the daily load shape."))
    static let gpuPriceChange = NumberKey<Settings, Double>("gpu_price_change_per_year", \.gpuPriceChangePerYear, SharedKeys.trend, default: .value(0), KeyDoc(
        "GPU price change per year", .trend, "Yearly trend of the GPU-hour price."))
    static let multiplier = SharedKeys.outputMultiplier(\Settings.outputTokenMultiplier)

    static let keys: [Key<Settings>] = [
        gpu, TextKey("gpu_offer", \Settings.gpuOfferID, recorded: false, KeyDoc(
            "GPU offer", .text, "A catalog offer id (h100-sxm/lambda/on_demand) that sets gpu_hourly.")).key,
        TextKey("provider", \Settings.provider, .text, KeyDoc(
            "GPU provider", .text, "Only this provider's catalog offers (lambda, runpod, aws…) for the gpu and commitment.")).key,
        commitmentKey, gpuHourly.key, interruption.key,
    ] + DerivationKeys.keys(\Settings.derivation) + [
        gpusPerReplicaKey, gpusPerInstance.key, maxUtilization.key, minReplicas.key, scaling.key, gpuPriceChange.key, multiplier.key,
        SharedKeys.team("Engineers who operate the deployment.", \Settings.team),
        SharedKeys.oneTime(\Settings.oneTime), SharedKeys.monthlyFixed(\Settings.monthlyFixed),
    ]

    /// `gpu`: a catalog GPU id, or a device's figures written out.
    static let gpu: Key<Settings> = {
        let specs = ObjectKey<Settings, DeviceSettings>("gpu", \.inlineGPU.value, DeviceSpecs.keys, KeyDoc("GPU", .text, "A device's datasheet figures."))
        let id = TextKey<Settings>("gpu", \.gpuID, recorded: false, KeyDoc("GPU", .text, ""))
        return Key(field: Field("gpu", .anyOf([.string(.text), .object(specs.objectShape)]),
                                "A catalog GPU (h100-sxm) or inline specs: picks offers and derives throughput."),
                   doc: KeyDoc("GPU", .text, "The GPU each replica runs on."),
                   read: Presence.wordOrObject("gpu", word: id.key, object: specs.key, at: \.inlineGPU),
                   record: { s, r, c in if r.child("gpu")?.members != nil { specs.key.record(s, r, c) } },
                   input: Presence.inputs(of: specs.key, at: \.inlineGPU))
    }()

    /// `commitment`: a word that picks the cheapest catalog offer, or reserved replicas.
    static let commitmentKey: Key<Settings> = {
        let word = ChoiceKey<Settings, GPUCommitment>("commitment", \.commitment, KeyDoc("Commitment", .text, ""))
        return Key(field: Field("commitment", .anyOf([.string(.oneOf(GPUCommitment.allCases.map(\.rawValue))), .object(reservationObject.objectShape)]),
                                "The cheapest catalog offer for the gpu under this commitment, for min_replicas replicas in its whole instances (reserved_1y and reserved_3y reserve every GPU for 12 or 36 months from the month that needs it, paid every hour), or reserved replicas with on-demand burst."),
                   doc: KeyDoc("Commitment", .text, "How the GPUs are bought."),
                   read: Presence.wordOrObject("commitment", word: word.key, object: reservationObject.key, at: \.reservation),
                   record: { s, r, c in
                       if r.child("commitment")?.members != nil { reservationObject.key.record(s, r, c) } else if r.has("commitment") { word.key.record(s, r, c) }
                   },
                   input: Presence.inputs(of: reservationObject.key, at: \.reservation))
    }()

    /// Written, or the derived tensor-parallel degree: the replica is as many devices as that.
    static let gpusPerReplicaKey: Key<Settings> = {
        var key = gpusPerReplica.key
        let record = key.record
        key.record = { s, r, c in
            guard s.derivation.derived else { return record(s, r, c) }
            guard let (_, capacity) = DerivationKeys.estimate(s.derivation, r) else { return }
            let degree = capacity.tensorParallel
            if let written = s.gpusPerReplica, written != degree {
                r.error("gpus_per_replica", "expected \(degree) (the tensor-parallel degree the derived throughput uses) or nothing, found \(written)")
            } else if s.gpusPerReplica == nil {
                r.assume("gpus_per_replica", String(degree), .derived("the tensor-parallel degree of the derived throughput"))
            }
        }
        return key
    }()

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let catalog = r.context.catalog, asOf = r.context.asOf
        var catalogGPU: GPUSpec?
        if let inline = s.inlineGPU.written {
            s.derivation.device = inline.accelerator
        } else if let found = r.lookup("gpu", kind: "GPU", in: catalog.gpus.map(\.id), find: { catalog.gpu($0) }) {
            catalogGPU = found
            s.derivation.device = Accelerator(found)
            s.derivation.deviceID = found.id
        }
        let provider = s.provider
        // "from "lambda"", and where the GPU's offers come from, for a provider that has none.
        let from = provider.map { " from \"\($0)\"" } ?? ""
        let elsewhere = { (gpu: String) in provider == nil ? "" : " (offers for \"\(gpu)\" come from \(catalog.providers(gpu: gpu).joined(separator: ", ")))" }
        // Offers are compared for the smallest deployment written: min_replicas replicas (at least
        // one) of gpus_per_replica GPUs (1 when derived), in each offer's whole instances.
        let smallest = (replicas: s.minReplicas ?? 1, gpusPerReplica: s.gpusPerReplica ?? 1)
        s.offer = r.lookup("gpu_offer", kind: "GPU offer", in: Array(Set(catalog.gpuOffers.map(\.id))).sorted(),
                           find: { catalog.gpuOffer($0, asOf: asOf) })
        if let offer = s.offer, let provider, offer.provider != provider {
            r.error("provider", "gpu_offer \"\(offer.id)\" is offered by \"\(offer.provider)\", not \"\(provider)\"")
        }
        if provider != nil, catalogGPU == nil, !r.has("gpu_offer") {
            r.error("provider", "provider picks catalog offers, so it needs a catalog \"gpu\"")
        }
        if s.offer == nil, !r.has("gpu_offer"), let commitment = s.commitment {
            if let catalogGPU {
                s.offer = catalog.cheapestOffer(gpu: catalogGPU.id, commitment: commitment, asOf: asOf, provider: provider,
                                                replicas: smallest.replicas, gpusPerReplica: smallest.gpusPerReplica)
                if provider == nil { s.notes = spread(s.offer, catalog, asOf, r).map { [$0] } ?? [] }
                if s.offer == nil, s.gpuHourly == nil {
                    r.error(provider == nil ? "commitment" : "provider",
                            "the catalog has no \(commitment.rawValue) offer for \"\(catalogGPU.id)\"\(from) on \(asOf); give gpu_hourly" + elsewhere(catalogGPU.id))
                }
            } else if s.gpuHourly == nil {
                r.error("commitment", "a commitment picks a catalog offer, so it needs a catalog \"gpu\"")
            }
        }
        if s.offer == nil, s.reservation.isPresent || s.gpuHourly == nil, !r.has("gpu_offer"), let catalogGPU {
            s.offer = catalog.cheapestOffer(gpu: catalogGPU.id, commitment: .onDemand, asOf: asOf, provider: provider,
                                            replicas: smallest.replicas, gpusPerReplica: smallest.gpusPerReplica)
            if provider == nil { s.notes = spread(s.offer, catalog, asOf, r).map { [$0] } ?? [] }
            if s.offer == nil, provider != nil, s.gpuHourly == nil {
                r.error("provider", "the catalog has no on_demand offer for \"\(catalogGPU.id)\"\(from) on \(asOf); give gpu_hourly" + elsewhere(catalogGPU.id))
            }
        }
        if s.offer == nil, s.gpuHourly == nil, !r.has("gpu_offer"), s.commitment == nil, provider == nil {
            r.error(nil, "missing required key \"gpu_hourly\" (or a catalog \"gpu\" with offers, a \"gpu_offer\" or a \"commitment\")")
        }
        s.pricingOffer = r.has("gpu_hourly") ? nil : s.offer
        if var reservation = s.reservation.written {
            let c = r.nested("commitment")
            if let catalogGPU, reservation.hourly == nil {
                let termMonths = reservation.termMonths ?? 12
                if let commitment = GPUCommitment.reserved(termMonths: termMonths) {
                    reservation.offer = catalog.cheapestOffer(gpu: catalogGPU.id, commitment: commitment, asOf: asOf, provider: provider,
                                                              replicas: reservation.replicas ?? 1, gpusPerReplica: smallest.gpusPerReplica)
                    if reservation.offer == nil {
                        c.error(nil, "the catalog has no \(commitment.rawValue) offer for \"\(catalogGPU.id)\"\(from) on \(asOf); give reserved_hourly")
                    }
                } else {
                    c.error("term_months", SoldTerm.expectation(termMonths, terms: GPUCommitment.soldTerms, price: "reserved_hourly"))
                }
            } else if reservation.hourly == nil {
                c.error(nil, "missing key \"reserved_hourly\" (or a catalog \"gpu\" with reserved offers)")
            }
            s.reservation.value = reservation
        }
        DerivationKeys.resolve(&s.derivation, r, deviceKey: "gpu")
    }

    /// Offers for the GPU under the same commitment more than 2× apart: the cheapest was taken,
    /// and the verdict rests on it.
    static func spread(_ chosen: GPUOffer?, _ catalog: CatalogSnapshot, _ asOf: CalendarDay, _ r: KeyReader) -> Warning? {
        guard let chosen else { return nil }
        let ids = Set(catalog.gpuOffers.filter { $0.gpu == chosen.gpu && $0.commitment == chosen.commitment }.map(\.id))
        guard let dearest = ids.compactMap({ catalog.gpuOffer($0, asOf: asOf) }).max(by: { ($0.hourly, $1.id) < ($1.hourly, $0.id) }),
              dearest.hourly > 2 * chosen.hourly else { return nil }
        let values = ValueContext(conversion: r.context.conversion)
        var figures = WarningFigures(amount: values.money(chosen.hourly), value: nil)
        figures.offer = chosen.id
        figures.provider = chosen.provider
        figures.dearestOffer = dearest.id
        figures.dearestHourly = values.money(dearest.hourly)
        return Warning(.offerSpread, option: r.node?["id"]?.string, figures)
    }

    /// The term every GPU is reserved for: the commitment word's, or that of the reserved offer
    /// `gpu_offer` names; none beside reserved replicas (which are the reservation then).
    static func reservedTerm(_ s: Settings) -> Int? {
        s.reservation.isPresent ? nil : (s.commitment ?? s.pricingOffer?.commitment)?.termMonths
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let v = c.values
        let derived = try s.pointee.derivation.capacity(c)
        let reservation = s.pointee.reservation.written.map { r in
            SelfHostedDeployment.Reservation(replicas: reservedReplicas.value(r, v) ?? 0, hourly: reservedHourly.value(r, v) ?? 0,
                                             termMonths: term.value(r, v) ?? 12, gpusPerInstance: reservedInstance.value(r, v) ?? 1)
        }
        // Resolution checked the written term against the catalog offer; a trial or a sweep point may set another.
        if let offer = s.pointee.reservation.written?.offer, let reservation, let sold = offer.commitment.termMonths,
           reservation.termMonths != sold {
            throw LoweringFailure(message: "commitment.term_months: "
                                  + SoldTerm.expectation(reservation.termMonths, terms: ["\(sold) (\(offer.id))"], price: "reserved_hourly"))
        }
        let deployment = SelfHostedDeployment(
            gpuHourly: gpuHourly.value(s, v) ?? 0, gpusPerReplica: derived?.capacity.tensorParallel ?? gpusPerReplica.value(s, v) ?? 1,
            gpusPerInstance: gpusPerInstance.value(s, v) ?? 1,
            throughput: s.pointee.derivation.throughput(derived), maxUtilization: maxUtilization.value(s, v) ?? 0.7,
            minReplicas: minReplicas.value(s, v) ?? 1, scaling: scaling.value(s) ?? .static,
            gpuPriceChangePerYear: gpuPriceChange.value(s, v) ?? 0, outputTokenMultiplier: multiplier.value(s, v) ?? 1,
            overheads: SharedKeys.overheads(s), reservation: reservation, termMonths: reservedTerm(s.pointee),
            interruptionOverhead: interruption.value(s, v) ?? 0)
        return LoweredOption(.single(deployment), derived: derived, notes: s.pointee.notes,
                             provider: s.pointee.gpuHourly == nil ? s.pointee.offer?.provider : nil)
    }
}
