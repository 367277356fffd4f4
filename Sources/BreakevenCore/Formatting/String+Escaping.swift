extension String {
    /// The text with each Unicode scalar that `replacement` names rewritten, the others kept:
    /// the one loop behind JSON string literals, XML entities and GitHub workflow-command
    /// encoding. Scalar by scalar, because a "\r\n" pair is one Character in Swift and each
    /// half may need its own escape.
    public func escapingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let escaped = replacement(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
