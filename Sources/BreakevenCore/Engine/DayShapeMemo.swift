/// The load shape's `DayProfile` kept from one trial to the next, one per thread: the shape
/// rarely varies between trials, and working out its factors, sorting its 24 hours and finding
/// its peak anew for every rented or provisioned option of every trial took 2% of a trial
/// (team-coding-assistant, callgrind).
final class DayShapeMemo {
    private var profile: (shape: LoadShape, profile: DayProfile)?

    func profile(_ shape: LoadShape) -> DayProfile {
        // Arrays compare by storage first: the same load shape costs one pointer comparison.
        if let profile, profile.shape == shape { return profile.profile }
        let made = DayProfile(shape)
        profile = (shape, made)
        return made
    }
}
