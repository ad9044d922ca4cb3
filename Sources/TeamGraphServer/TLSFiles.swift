import Foundation
import NIOSSL
import TeamGraphUseCases

/// The PEM files `serve --tls-cert --tls-key` serves HTTPS with.
public struct TLSFiles: Sendable, Hashable {
    /// The certificate chain, the server's certificate first.
    public var certificateChain: String
    /// The certificate's private key (not encrypted with a passphrase).
    public var privateKey: String

    /// Names the two files.
    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// Reads both files and checks that the key is the certificate's, before anything listens.
    func configuration() throws(UseCaseError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            try Self.requireReadable(certificateChain, .tlsCertificate)
            chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
        } catch let error as UseCaseError {
            throw error
        } catch {
            throw .badRequest(.tlsCertificate, .unusableFile(path: certificateChain, reason: "not a PEM certificate"))
        }
        guard !chain.isEmpty else {
            throw .badRequest(.tlsCertificate, .unusableFile(path: certificateChain, reason: "no certificate in it"))
        }
        let key: NIOSSLPrivateKey
        do {
            try Self.requireReadable(privateKey, .tlsKey)
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch let error as UseCaseError {
            throw error
        } catch {
            throw .badRequest(
                .tlsKey, .unusableFile(path: privateKey, reason: "not a PEM private key (or one with a passphrase)"))
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .badRequest(
                .tlsKey, .unusableFile(path: privateKey, reason: "not the private key of \(certificateChain)"))
        }
        return configuration
    }

    private static func requireReadable(_ path: String, _ parameter: RequestParameter) throws(UseCaseError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .badRequest(parameter, .unusableFile(path: path, reason: "no such file"))
        }
        guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
            throw .badRequest(parameter, .unusableFile(path: path, reason: "cannot be read"))
        }
    }
}
