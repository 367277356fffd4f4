/// The seed writes a GPU's figures in its own object (`{"id": "h100-sxm", "memoryGB": 80, …}`):
/// its datasheet is decoded from that object, under its own keys.
extension GPUSpec: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, tdpWatts, source, retrievedOn
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  datasheet: try Datasheet(from: decoder), tdpWatts: try c.decode(Double.self, forKey: .tdpWatts),
                  source: try c.decode(String.self, forKey: .source), retrievedOn: try c.decodeIfPresent(CalendarDay.self, forKey: .retrievedOn))
    }
}
