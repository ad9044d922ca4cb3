import Foundation
import TeamGraphIO

/// Where commands print.
enum Output {
    /// Standard output, buffered; flushed when the command ends.
    nonisolated(unsafe) static var standard = OutputBuffer(sink: FileDescriptorSink.standardOutput.write)

    /// Prints a line to standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }
}
