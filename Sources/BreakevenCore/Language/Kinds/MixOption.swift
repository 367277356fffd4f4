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

    static let routes = ListKey<Settings, RouteSettings>("routes", \.routes, [
        TextKey("option", \RouteSettings.option, .slug, required: true, KeyDoc("Routed option", .text, "The option this share of traffic goes to.")).key,
        share.key, fallbackShare.key,
        TextKey("fallback", \RouteSettings.fallback, .slug, KeyDoc("Fallback", .text, "Where escalations go (default: the baseline).")).key,
    ], count: 1...20, required: true, named: .by("option", \.option, noun: "route"), shares: share, KeyDoc(
        "Routes", .text, "Routes of the traffic; each routed option is sized for its own share.")).key

    static let keys: [Key<Settings>] = [routes]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let context = r.context
        for k in s.routes.indices {
            let route = r.element("routes", k, named: "")
            context.checkSingleOption(route.child("option"), path: route.diagnosticPath("option"))
            context.checkSingleOption(route.child("fallback"), path: route.diagnosticPath("fallback"))
        }
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        LoweredOption(.mix(TrafficMix(routes: s.pointee.routes.map { route in
            TrafficMix.Route(optionID: route.option ?? "", share: route.share ?? 0,
                             qualityFallbackShare: route.qualityFallbackShare ?? 0, fallbackID: route.fallback ?? c.baselineID)
        })))
    }
}
