import FuzzSupport

/// libFuzzer's entry point: one input as a people CSV (optionally with a teams CSV after a
/// `#teams` line), through the loader the command line uses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeopleCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.require(ReaderPromises.peopleCSV(FuzzTarget.bytes(data, size)))
    return 0
}
