/// `mix`: shares of the traffic routed to several options, each sized for its own share, with
/// escalations sent on to a fallback.
enum MixOption: OptionDeclaration {
    struct Settings: OptionSettings {
        var routes: [RouteSettings] = []
    }

    struct RouteSettings: KeySettings {
        var option: String?
        var share: Double?
        var qualityFallbackShare: Double?
        var fallback: String?
    }

    static let kind = OptionKind.mix
    static let doc = "Route shares of the traffic to several options."
    static let isComposite = true

    static let share = NumberKey<RouteSettings, Double>("share", \.share, .share, required: true, KeyDoc(
        "Route share", .share, "Share of all requests; shares sum to 1."))
    static let fallbackShare = NumberKey<RouteSettings, Double>("quality_fallback_share", \.qualityFallbackShare, .share, default: .value(0), KeyDoc(
        "Escalated share", .share, "Share of this route's requests sent on to `fallback` as well (escalations, retries)."))

    static let routes: Key<Settings> = {
        let list = ListKey<Settings, RouteSettings>("routes", \.routes, [
            TextKey("option", \RouteSettings.option, .slug, required: true, KeyDoc("Routed option", .text, "The option this share of traffic goes to.")).key,
            share.key, fallbackShare.key,
            TextKey("fallback", \RouteSettings.fallback, .slug, KeyDoc("Fallback", .text, "Where escalations go (default: the baseline).")).key,
        ], count: 1...20, required: true, elementName: { node, k in node["option"]?.string ?? String(k) }, KeyDoc(
            "Routes", .text, "Routes of the traffic; each routed option is sized for its own share."))
        var key = list.key(names: { s in s.routes.enumerated().map { $0.element.option ?? String($0.offset) } })
        // A route's share set in place moves the other routes' shares in proportion, so they still sum to 1.
        let inner = key.input
        key.input = { rest, s in
            guard let input = inner(rest, s), rest.last == "share", let (index, _) = ListKey<Settings, RouteSettings>.element(
                rest, names: s.routes.enumerated().map { $0.element.option ?? String($0.offset) }) else { return inner(rest, s) }
            return SettingInput(range: input.range, doc: input.doc, get: input.get, set: { s, v in rebalance(&s, route: index, to: v) })
        }
        return key
    }()

    /// Route `index` gets share v; the others keep their proportions of the rest.
    static func rebalance(_ s: inout Settings, route index: Int, to v: Double) {
        guard s.routes.indices.contains(index) else { return }
        let others = s.routes.indices.filter { $0 != index }
        let rest = others.reduce(0) { $0 + (s.routes[$1].share ?? 0) }
        for k in others {
            s.routes[k].share = rest > 0 ? (s.routes[k].share ?? 0) * (1 - v) / rest : (1 - v) / Double(others.count)
        }
        s.routes[index].share = v
    }

    static let keys: [Key<Settings>] = [routes]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let context = r.context
        for k in s.routes.indices {
            let route = r.element("routes", k, named: "")
            context.checkSingleOption(route.child("option"), path: route.diagnosticPath("option"))
            context.checkSingleOption(route.child("fallback"), path: route.diagnosticPath("fallback"))
        }
        let shares = s.routes.compactMap(\.share)
        if !shares.isEmpty, abs(shares.reduce(0, +) - 1) > 1e-6 {
            r.error("routes", "expected shares that sum to 1, found a sum of \(NumberBounds.format(shares.reduce(0, +)))")
        }
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        LoweredOption(.mix(TrafficMix(routes: s.pointee.routes.map { route in
            TrafficMix.Route(optionID: route.option ?? "", share: route.share ?? 0,
                             qualityFallbackShare: route.qualityFallbackShare ?? 0, fallbackID: route.fallback ?? c.baselineID)
        })))
    }
}
