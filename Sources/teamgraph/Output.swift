import Foundation
import TeamGraphIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where commands print.
enum Output {
    /// Standard output, buffered; flushed when the command ends.
    nonisolated(unsafe) static var standard = OutputBuffer(sink: FileDescriptorSink.standardOutput.write)

    /// Prints a line to standard error; when standard error is closed or full the line is lost,
    /// never the exit status (`FileHandle.write` would trap there).
    static func standardError(_ text: String) {
        var line = TerminalText.safe(text, keepingLineBreaks: true)
        if !line.hasSuffix("\n") { line += "\n" }
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool { isatty(1) == 1 }
}
