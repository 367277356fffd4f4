/// The inline Markdown the reports write (code spans, `**bold**`, backslash escapes, links, the
/// entities `MarkdownText` leaves) as HTML text. Everything else is escaped: a character that is
/// not part of a recognised entity is text, so nothing a scenario names becomes markup.
enum HTMLInline {
    /// Entities `MarkdownText` writes, kept as they are: `&amp;`, `&lt;`, `&gt;`, `&#8203;`.
    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#8203;"]

    static func html(_ markdown: String) -> String {
        let chars = Array(markdown)
        var out = ""
        var k = 0
        var bold = false
        while k < chars.count {
            let c = chars[k]
            if c == "\\", k + 1 < chars.count, "\\`*_{}[]()#+-.!|~<>".contains(chars[k + 1]) {
                out += escape(String(chars[k + 1]))
                k += 2
            } else if c == "`" {
                // A code span: the same run of backticks closes it; its text is literal.
                let run = chars[k...].prefix { $0 == "`" }.count
                if let end = closing(chars, from: k + run, run: run) {
                    var code = String(chars[(k + run)..<end])
                    if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" "), code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    out += "<code>" + breakable(escape(code)) + "</code>"
                    k = end + run
                } else {
                    out += escape(String(repeating: "`", count: run))
                    k += run
                }
            } else if c == "*", k + 1 < chars.count, chars[k + 1] == "*" {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                k += 2
            } else if c == "[", let (text, length) = link(chars, at: k) {
                // Links point at files beside a Markdown report; a page stands alone: their text.
                out += html(text)
                k += length
            } else if c == "&", let entity = entities.first(where: { matches(chars, at: k, $0) }) {
                out += entity
                k += entity.count
            } else {
                out += escape(String(c))
                k += 1
            }
        }
        if bold { out += "</strong>" }
        return out
    }

    /// A line may break after a dot that a letter follows: a long input path
    /// (`options.self.efficiency.memory_bandwidth_utilization`) wraps at its segments and no
    /// longer widens its table past the page; "0.5" stays whole. `<wbr/>` is XML too.
    static func breakable(_ escaped: String) -> String {
        var out = ""
        var previous: Character?
        for c in escaped {
            if previous == ".", c.isLetter { out += "<wbr/>" }
            out.append(c)
            previous = c
        }
        return out
    }

    /// Where a run of exactly `run` backticks starts at or after `from`.
    static func closing(_ chars: [Character], from: Int, run: Int) -> Int? {
        var j = from
        while j < chars.count {
            guard chars[j] == "`" else { j += 1; continue }
            let length = chars[j...].prefix { $0 == "`" }.count
            if length == run { return j }
            j += length
        }
        return nil
    }

    /// `[text](target)` at k: the text and the link's length.
    static func link(_ chars: [Character], at k: Int) -> (String, Int)? {
        var depth = 0, j = k
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j + 1 < chars.count, chars[j + 1] == "(", let close = chars[(j + 1)...].firstIndex(of: ")") else { return nil }
        return (String(chars[(k + 1)..<j]), close - k + 1)
    }

    static func matches(_ chars: [Character], at k: Int, _ word: String) -> Bool {
        let w = Array(word)
        return k + w.count <= chars.count && Array(chars[k..<(k + w.count)]) == w
    }

    /// Text and attribute values: `&`, `<`, `>` and quotes as entities (XML's five, so that the
    /// page also parses as XML); characters XML does not allow as the replacement character.
    static func escape(_ s: String) -> String {
        SVGDocument.escape(s)
    }
}
