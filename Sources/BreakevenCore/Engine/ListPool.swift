/// Lists a computation fills and hands back, kept so that the next one fills them again without
/// allocating: a switch's lists of months, filled every trial (`SwitchPool`, one per thread).
struct ListPool<Element> {
    private var spare: [[Element]] = []

    /// An empty list with room for `capacity` elements: a spare one where there is one.
    mutating func take(capacity: Int) -> [Element] {
        var list = spare.popLast() ?? []
        list.removeAll(keepingCapacity: true)
        list.reserveCapacity(capacity)
        return list
    }

    /// A list of `count` copies of `value`.
    mutating func take(repeating value: Element, count: Int) -> [Element] {
        var list = take(capacity: count)
        list.append(contentsOf: repeatElement(value, count: count))
        return list
    }

    /// Takes a list back to fill again, leaving `list` empty (the pool's copy is then the only
    /// one, filled in place). One without room (never taken) is not kept, so that the pool holds
    /// no more lists than were taken.
    mutating func give(_ list: inout [Element]) {
        var taken: [Element] = []
        swap(&taken, &list)
        guard taken.capacity > 0 else { return }
        spare.append(taken)
    }
}

/// The lists a switch's sides and candidates fill (`SwitchSides`), by element type.
struct SwitchPool {
    var months = ListPool<Double>()
    var sums = ListPool<(total: Double, npv: Double)>()
}
