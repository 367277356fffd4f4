/// The load shape's distinct factors (`ReplicaSizing.dayShape`) kept from one trial to the next,
/// one per thread: the shape rarely varies between trials, and sorting its 24 hours anew for
/// every rented option of every trial took 4% of the trial loop.
final class DayShapeMemo {
    private var factors: [Double] = []
    private var shape: [(factor: Double, hours: Double)] = []

    func shape(_ factors: [Double]) -> [(factor: Double, hours: Double)] {
        // Arrays compare by storage first: the same load shape costs one pointer comparison.
        if factors != self.factors || shape.isEmpty {
            self.factors = factors
            shape = ReplicaSizing.dayShape(factors)
        }
        return shape
    }
}
