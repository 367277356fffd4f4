import ArgumentParser
import Foundation

/// `--out DIR`: the folder a command writes its files into (`run`, `compare`, `sweep`).
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Folder for the files written.", valueName: "DIR"))
    var folder = "reports"

    /// The path of a file named `name` in the folder.
    func path(_ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
