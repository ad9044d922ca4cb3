import FuzzSupport

/// libFuzzer's entry point: one input as a date, through both of `Day`'s parsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDay(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzChecks.day(FuzzChecks.bytes(data, size))
    return 0
}
