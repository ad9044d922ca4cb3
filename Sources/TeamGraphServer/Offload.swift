import NIOPosix
import TeamGraphUseCases

/// Runs work that may take long (reading a network, finding every gap, drawing a chart) on a
/// thread pool, so that the threads answering requests stay free.
struct Offload: Sendable {
    /// The pool.
    let pool: NIOThreadPool

    /// Runs `body` on the pool and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(UseCaseError) -> T) async throws(ServedError) -> T {
        do {
            return try await pool.runIfActive { () throws -> T in try body() }
        } catch let error as UseCaseError {
            throw .useCase(error)
        } catch let error as ServedError {
            throw error
        } catch {
            throw .unavailable("the server is shutting down")
        }
    }
}
