import Foundation

/// A folder of `request-<chunk>.json` files for ``OneshotRunner``, shared by the tasks of one batch job.
public struct OneshotFolder: Sendable {
    /// The folder.
    public let path: String

    /// Wraps a folder path.
    public init(path: String) {
        self.path = path
    }

    /// The chunk numbers with a request file, ascending.
    /// - Throws: ``WorkerError`` when the folder cannot be listed.
    public func chunks() throws -> [Int] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw WorkerError("cannot list \(path): \(error.localizedDescription)")
        }
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("request-"), name.hasSuffix(".json") else { return nil }
            return Int(name.dropFirst("request-".count).dropLast(".json".count))
        }.sorted()
    }

    /// The pairs slot `slot` of `slots` takes: the chunks at positions slot, slot + slots, ... in chunk order.
    public func pairs(slot: Int, slots: Int) throws -> [OneshotRunner.Pair] {
        let all = try chunks()
        return stride(from: slot, to: all.count, by: max(slots, 1)).map { position in
            let chunk = all[position]
            return OneshotRunner.Pair(request: "\(path)/request-\(chunk).json", result: "\(path)/result-\(chunk).json")
        }
    }
}
