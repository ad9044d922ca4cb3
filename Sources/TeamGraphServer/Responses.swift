import HTTPTypes
import Hummingbird
import Logging
import TeamGraphIO
import TeamGraphUseCases

extension Response {
    /// The content type of every JSON answer.
    static let jsonType = "application/json; charset=utf-8"

    /// A JSON answer, written by the same encoder as the command line's output.
    static func json(_ value: JSONValue, expanded: Bool = false, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = OutputBuffer()
        try? value.write(to: &buffer, expanded: expanded)
        return bytes(buffer.bytes, contentType: jsonType, status: status)
    }

    /// Records as the command line's `--format json` prints them.
    static func records(_ records: Records) -> Response {
        var buffer = OutputBuffer()
        try? records.write(.json, to: &buffer)
        return bytes(buffer.bytes, contentType: jsonType)
    }

    /// Bytes of a content type.
    static func bytes(
        _ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok, headers more: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [.contentType: contentType, .contentLength: String(bytes.count)]
        headers.append(contentsOf: more)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The JSON answer of an error.
    static func error(_ error: ServedError) -> Response {
        let body = APIErrorBody(error)
        return json(body.json, status: HTTPResponse.Status(code: body.status))
    }
}

/// Runs a route's work and answers its error as JSON; a failure nobody foresaw is logged and
/// answered 503, never 500.
func answer(_ work: () async throws(ServedError) -> Response) async throws -> Response {
    do {
        return try await work()
    } catch {
        if case .useCase(.invalidInput) = error {
        } else if APIErrorBody(error).status >= 500 {
            Logger(label: "teamgraph.serve").error("\(error.logText)")
        }
        return .error(error)
    }
}
