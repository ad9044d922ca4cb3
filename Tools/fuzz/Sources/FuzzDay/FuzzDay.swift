import FuzzSupport

/// libFuzzer's entry point: one input as a date, through both of `Day`'s parsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDay(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.require(ReaderPromises.day(FuzzTarget.bytes(data, size)))
    return 0
}
