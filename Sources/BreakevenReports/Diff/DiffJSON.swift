import Foundation
import BreakevenCore

/// A diff as versioned JSON (`"diff_version": 1`): the comment's content, unrounded, with
/// `null` where a figure does not exist, sorted keys, and where each side came from.
public enum DiffJSON {
    public static func render(_ diff: ResultDiff, context: DiffContext) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(diff: diff, context: context))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The diff's own keys plus `sources`.
    struct Document: Encodable {
        var diff: ResultDiff
        var context: DiffContext

        enum Keys: String, CodingKey { case sources }
        enum SourceKeys: String, CodingKey { case base, head }

        func encode(to encoder: any Encoder) throws {
            try diff.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            var s = c.nestedContainer(keyedBy: SourceKeys.self, forKey: .sources)
            try s.encode(context.baseSource, forKey: .base)
            try s.encode(context.headSource, forKey: .head)
        }
    }
}
