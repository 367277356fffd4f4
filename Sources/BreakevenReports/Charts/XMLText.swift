/// Escapes text for XML character data and attribute values.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters, even escaped.
                if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, scalar.value < 0x20, scalar != "\t", scalar != "\n" {
                    out += " "
                } else {
                    out.append(ch)
                }
            }
        }
        return out
    }
}
