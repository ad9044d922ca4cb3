import Foundation
import TeamGraph
import TeamGraphChart
import Testing

@Suite struct ConcurrencyTests {
    @Test func fiftyChartsAtOnceNeitherCrashNorMixUp() async throws {
        let network = try ChartTestSupport.sample()
        let roots = network.ids
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for k in 0..<50 {
                group.addTask {
                    let root = roots[k % roots.count]
                    let format: ChartFormat = k % 5 == 4 ? .png : .svg
                    return (k, try Chart(roots: [root], groupTeams: k % 2 == 0).render(network, format: format).data)
                }
            }
            var all: [Int: [UInt8]] = [:]
            for try await (k, data) in group { all[k] = data }
            return all
        }
        #expect(results.count == 50)
        for (k, data) in results {
            let root = roots[k % roots.count]
            if k % 5 == 4 {
                #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                continue
            }
            let svg = try ParsedSVG(data)
            let ids = Set(try svg.groups("person").compactMap { ParsedSVG.id($0) })
            let person = network.index(of: root)!
            let expected = Set(
                [root] + network.sponsor.descendants(of: person).map { network.ids[Int($0.person)] })
            #expect(ids == expected, "chart \(k) rooted at \(root)")
        }
    }
}
