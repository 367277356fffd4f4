/// Text a scenario supplies (names, labels, ids, paths, messages that quote them) made inert in
/// GitHub-flavoured Markdown, so that it shows as written and can neither inject HTML or images
/// nor hide the rest of a pull-request comment (a name ending in `<!--`). The one place reports
/// escape Markdown; tables add the escaping of `|` themselves.
enum MarkdownText {
    /// Plain text, shown as written wherever it stands (a table cell, a heading, a line start):
    /// HTML's `<`, `>` and `&` as entities; backslashes and backticks escaped; `](` and `][`
    /// broken so no link or image forms; a line start that would make a heading, list, quote or
    /// rule escaped; control characters and line breaks as spaces, so text never leaves its line.
    /// - Parameter mentions: break `@name` with a zero-width space, for pull-request comments,
    ///   where GitHub would notify the user named (as Renovate and Dependabot do).
    static func text(_ s: String, mentions: Bool = false) -> String {
        text(s, mentions: mentions, brackets: false)
    }

    private static func text(_ s: String, mentions: Bool = false, brackets: Bool) -> String {
        var out = ""
        let scalars = Array(visible(s).unicodeScalars.drop { $0 == " " })
        for (k, c) in scalars.enumerated() {
            let next = k + 1 < scalars.count ? scalars[k + 1] : nil
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`": out += "\\" + String(c)
            case "[" where brackets: out += "\\["
            case "]" where brackets || next == "(" || next == "[": out += "\\]"
            case "@" where mentions: out += "@&#8203;"
            default: out.unicodeScalars.append(c)
            }
        }
        return escapedLineStart(out)
    }

    /// The text of a link or an image's alt text: as `text`, every bracket escaped, since an
    /// unmatched one would end the link or keep it from forming.
    static func linkText(_ s: String) -> String {
        text(s, brackets: true)
    }

    /// A code span showing `s` as written: fenced by more backticks than any run inside it.
    static func code(_ s: String) -> String {
        let shown = visible(s)
        if shown.isEmpty { return "` `" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: shown) + 1)
        let pad = shown.hasPrefix("`") || shown.hasSuffix("`") ? " " : ""
        return fence + pad + shown + pad + fence
    }

    /// A fenced code block (the command that reproduces a report): no line of `s` can close it.
    static func block(_ s: String, language: String) -> String {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: s) + 1))
        return fence + language + "\n" + lines.joined(separator: "\n") + "\n" + fence + "\n"
    }

    /// A relative link target: every byte outside the unreserved characters percent-encoded,
    /// so a file name with spaces, parentheses or `<` keeps the link whole.
    static func linkTarget(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Control characters, line breaks and bidirectional overrides as spaces; U+FFFE and U+FFFF,
    /// which are not characters, as the replacement character.
    static func visible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: out.append(" ")
            case 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// A backslash before what would make a heading (`# `), list item (`- `, `+ `, `* `, `1. `,
    /// `1) `), rule or setext underline (`***`, `===`), fence (`~~~`) or link definition
    /// (`[x]: `) at the start of a line. Text that only looks alike (`-0.3`, `#1`, `[]`) is left.
    static func escapedLineStart(_ s: String) -> String {
        guard let first = s.first else { return s }
        let rest = s.dropFirst()
        let spaceOrEnd = { (x: Substring) in x.first == nil || x.first == " " }
        let hashes = s.prefix { $0 == "#" }
        let rule = s.filter { $0 != " " }
        switch first {
        case "#" where hashes.count <= 6 && spaceOrEnd(s.dropFirst(hashes.count)),
             "-" where spaceOrEnd(rest), "+" where spaceOrEnd(rest), "*" where spaceOrEnd(rest),
             "~" where s.hasPrefix("~~~"), "[" where s.contains("]:"):
            return "\\" + s
        default:
            // A thematic break (three or more of -, * or _) or a setext underline (=== alone).
            let isRule = "-*_".contains(first) && rule.count >= 3 && rule.allSatisfy { $0 == first }
            if isRule || (first == "=" && rule.allSatisfy { $0 == "=" }) { return "\\" + s }
        }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        let mark = s.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 9, mark.first == "." || mark.first == ")", spaceOrEnd(mark.dropFirst()) {
            return digits + "\\" + mark
        }
        return s
    }

    static func longestRun(of c: Character, in s: String) -> Int {
        var longest = 0, run = 0
        for x in s {
            run = x == c ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
