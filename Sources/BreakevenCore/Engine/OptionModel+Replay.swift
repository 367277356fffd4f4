/// Replay builds each month that happened from that month's request mix and prices; the state a
/// model carries (machines bought, units committed) passes from one month's model to the next.
extension OptionModel {
    /// Takes over the state of the same option's model of the month before.
    func continueFrom(_ earlier: OptionModel) {
        switch (model, earlier.model) {
        case (.single(let m), .single(let old)):
            m.continueFrom(old)
        case (.schedule(let models, _), .schedule(let old, _)) where models.count == old.count:
            for k in models.indices { models[k].continueFrom(old[k]) }
        case (.mix(let members), .mix(let old)) where members.count == old.count:
            for k in members.indices { members[k].model.continueFrom(old[k].model) }
        default:
            break
        }
    }
}
