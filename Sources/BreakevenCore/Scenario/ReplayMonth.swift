/// A month that happened (`workload.actuals`) as the engine replays it: the scenario lowered
/// again with that month's volume and request mix and the catalog prices in effect in it, its
/// start at the first month that happened.
struct ReplayMonth: Sendable {
    var actual: ActualMonth
    var scenario: Scenario
}
