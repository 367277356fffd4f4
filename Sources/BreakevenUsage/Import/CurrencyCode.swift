/// A bill's currency as exports write it: an ISO 4217 code of three letters, in either case
/// (OpenAI's costs write "usd"), stored in capitals so that amounts of one currency are summed
/// together whoever exported them.
enum CurrencyCode {
    /// "usd" → "USD"; nil for anything but three ASCII letters.
    static func normalized(_ text: String) -> String? {
        guard text.utf8.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return text.uppercased()
    }
}
