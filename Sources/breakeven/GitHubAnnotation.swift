/// A GitHub Actions `error` workflow command: `::error file=F,line=L,col=C::MESSAGE`. The runner
/// reads these from a step's standard output and standard error alike (actions/runner,
/// src/Runner.Worker/Handlers/ScriptHandler.cs) and shows each as an annotation on the file.
struct GitHubAnnotation: Equatable {
    var file: String?
    var line: Int?
    var column: Int?
    var message: String

    /// The command line; escaped as actions/toolkit's packages/core/src/command.ts does, so no
    /// value can end the command early or start another one.
    var command: String {
        var properties: [String] = []
        if let file { properties.append("file=" + Self.escapeProperty(file)) }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        let head = properties.isEmpty ? "::error" : "::error " + properties.joined(separator: ",")
        return head + "::" + Self.escapeData(message)
    }

    /// The message: `%`, carriage return and line feed.
    static func escapeData(_ text: String) -> String { escape(text, [:]) }

    /// A property value: as the message, and `:` and `,`, which separate the properties.
    static func escapeProperty(_ text: String) -> String { escape(text, [":": "%3A", ",": "%2C"]) }

    private static func escape(_ text: String, _ extra: [Unicode.Scalar: String]) -> String {
        text.escapingScalars { scalar in
            switch scalar {
            case "%": return "%25"
            case "\r": return "%0D"
            case "\n": return "%0A"
            default: return extra[scalar]
            }
        }
    }
}
