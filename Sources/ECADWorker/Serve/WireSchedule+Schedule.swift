import ECADCore
import ECADEngine
import ECADWorkerProtocol
import Foundation

extension WireSchedule {
    /// The component names a PixArt block has, in schedule order.
    static let pixartComponents = BlockComponent.allCases.map(\.description)

    /// The packed bits as an `ECADCore.Schedule` for a PixArt model with `blocks` blocks.
    func schedule(blocks expectedBlocks: Int) throws -> Schedule {
        guard components == Self.pixartComponents, blocks == expectedBlocks else {
            throw WorkerError(
                "schedule is \(blocks) blocks x \(components); the model has \(expectedBlocks) blocks x \(Self.pixartComponents)")
        }
        guard let bytes = Data(base64Encoded: bits) else { throw WorkerError("schedule bits are not base64") }
        do {
            return try Schedule(steps: steps, layout: try BlockLayout.pixart(blocks: blocks), packedBytes: [UInt8](bytes))
        } catch {
            throw WorkerError("schedule bits: \(error)")
        }
    }
}
