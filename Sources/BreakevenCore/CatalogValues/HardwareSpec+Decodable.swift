/// The seed writes a machine's figures in its own object (`{"id": "pc-rtx-4090", "price": 3100,
/// "memoryGB": 24, …}`): its datasheet is decoded from that object, under its own keys.
extension HardwareSpec: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, price, tdpWatts, wattsBusy, wattsIdle, effectiveFrom, source, provider
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  price: try c.decode(Double.self, forKey: .price), datasheet: try Datasheet(from: decoder),
                  tdpWatts: try c.decode(Double.self, forKey: .tdpWatts), wattsBusy: try c.decode(Double.self, forKey: .wattsBusy),
                  wattsIdle: try c.decode(Double.self, forKey: .wattsIdle), effectiveFrom: try c.decode(CalendarDay.self, forKey: .effectiveFrom),
                  source: try c.decode(String.self, forKey: .source), provider: try c.decodeIfPresent(String.self, forKey: .provider))
    }
}
