import FuzzSupport

/// libFuzzer's entry point: one input as the JSON network form, through the loader the command
/// line uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.require(ReaderPromises.networkJSON(FuzzTarget.bytes(data, size)))
    return 0
}
