/// Replay builds each actual month's models from that month's request mix and prices; state
/// (machines bought) carries from one month's model to the next.
extension OptionModel {
    /// Takes over the state of the same option's model of the month before.
    mutating func inheritState(from previous: OptionModel) {
        switch (model, previous.model) {
        case (.owned(var fleet), .owned(let old)):
            fleet.continueFleet(of: old)
            model = .owned(fleet)
        case (.schedule(var models, let segments), .schedule(let old, _)) where models.count == old.count:
            for k in models.indices { models[k].inheritState(from: old[k]) }
            model = .schedule(models: models, segments: segments)
        case (.mix(var members), .mix(let old)) where members.count == old.count:
            for k in members.indices { members[k].model.inheritState(from: old[k].model) }
            model = .mix(members)
        default:
            // APIs, rented GPUs and seats carry nothing from month to month.
            break
        }
    }
}

extension Workload {
    /// This workload with an actual month's request mix: its prompt and output tokens per
    /// request, cached share and batch share. Several request classes keep their shares and
    /// relative sizes, scaled so that the month's token totals come out exactly.
    func mix(of actual: ActualMonth) -> Workload {
        var w = self
        w.phases = []
        w.growth = .flat
        w.actuals = []
        guard actual.requests > 0 else { return w }
        let input = actual.inputTokens / actual.requests
        let output = actual.outputTokens / actual.requests
        let cached = actual.inputTokens > 0 ? actual.cachedInputTokens / actual.inputTokens : 0
        w.batchShare = min(1, actual.batchRequests / actual.requests)
        if classes.count == 1 {
            w.classes[0].inputTokens = input
            w.classes[0].outputTokens = output
            w.classes[0].cachedInputShare = cached
            return w
        }
        let mean = tokensPerRequest
        let meanCached = classes.reduce(0) { $0 + $1.share * $1.inputTokens * $1.cachedInputShare } / max(mean.input, 1e-12)
        for k in w.classes.indices {
            w.classes[k].inputTokens *= mean.input > 0 ? input / mean.input : 1
            w.classes[k].outputTokens *= mean.output > 0 ? output / mean.output : 1
            w.classes[k].cachedInputShare = meanCached > 0 ? min(1, w.classes[k].cachedInputShare * cached / meanCached) : cached
        }
        return w
    }
}
