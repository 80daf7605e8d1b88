import ECADAPI
import ECADCore
import ECADStore
import Foundation
import Hummingbird

/// `/v1/registry`: list, show, resolve, alias, history, export, import (docs/registry.md).
///
/// REF (query `ref`) is a digest or unique prefix of ≥ 8 hex digits, a name, or `NAME@ALIAS`; names contain `/`,
/// so references travel in the query, not the path.
struct RegistryRoutes {
    let daemon: DaemonContext

    func register(on router: Router<DaemonRequestContext>) {
        router.get("/v1/registry") { request, _ in
            let model = RequestReading.query(request, "model")
            let versions = try await daemon.store.registry.versions(modelID: model)
            let aliases = try await aliasesByDigest()
            return try JSONResponse.make(
                RegistryListBody(versions: versions.map { RegistryEntryView($0, aliases: aliases[$0.digest] ?? [], withSchedule: false) }))
        }
        router.get("/v1/registry/show") { request, _ in
            let version = try await daemon.store.registry.resolve(ref: try reference(request))
            return try await view(version)
        }
        router.get("/v1/registry/resolve") { request, _ in
            let ref = try reference(request)
            guard let query = try query(request) else {
                return try await view(try await daemon.store.registry.resolve(ref: ref))
            }
            return try await view(try await daemon.store.registry.resolve(query, in: ref))
        }
        router.get("/v1/registry/history") { request, _ in
            guard let alias = RequestReading.query(request, "alias") else {
                throw APIFailure.badRequest("missing query parameter alias (NAME@ALIAS)", field: "alias")
            }
            let moves = try await daemon.store.registry.history(alias: alias).map {
                AliasMoveBody(alias: $0.name, from: $0.fromDigest, to: $0.toDigest, time: $0.time, actorUID: $0.actorUID)
            }
            return try JSONResponse.make(moves)
        }
        router.post("/v1/registry/alias") { request, context in
            let body = try await RequestReading.body(request, as: RegistryAliasRequest.self)
            try Registry.validateName(body.name)
            try Registry.validateLabel(body.alias)
            let version = try await daemon.store.registry.resolve(ref: body.digest)
            try await daemon.store.registry.setAlias(
                body.alias, of: body.name, to: version.digest, by: caller(context))
            return try await view(version)
        }
        router.post("/v1/registry/export") { request, _ in
            let body = try await RequestReading.body(request, as: RegistryBundleRequest.self)
            try body.refuseDirectory()
            return try JSONResponse.make(RegistryBundleBody(files: try await daemon.store.registry.exportBundle(modelID: body.model)))
        }
        router.post("/v1/registry/import") { request, context in
            let body = try await RequestReading.body(
                request, as: RegistryBundleRequest.self, limit: RegistryBundleRequest.maxImportBytes)
            try body.refuseDirectory()
            guard let files = RegistryBundleBody(files: body.files ?? []).byPath, body.files != nil else {
                throw APIFailure.badRequest("files is missing or lists a path twice", field: "files")
            }
            return try JSONResponse.make(try await daemon.store.registry.importBundle(files, by: caller(context)))
        }
    }

    /// The caller as a registry actor (name owner or admin checks happen in the store's transaction).
    private func caller(_ context: DaemonRequestContext) -> RegistryActor {
        RegistryActor(uid: context.peer.uid, policy: daemon.policy)
    }

    private func reference(_ request: Request) throws -> String {
        guard let ref = RequestReading.query(request, "ref"), !ref.isEmpty else {
            throw APIFailure.badRequest("missing query parameter ref (digest, name or NAME@ALIAS)", field: "ref")
        }
        return ref
    }

    private func query(_ request: Request) throws -> RegistryQuery? {
        let speed = RequestReading.query(request, "min_speedup")
        let reward = RequestReading.query(request, "min_reward")
        switch (speed, reward) {
        case (nil, nil): return nil
        case (.some, .some): throw APIFailure.badRequest("give min_speedup or min_reward, not both", field: "min_speedup")
        case (.some(let text), nil):
            guard let value = Double(text), value.isFinite, value > 0 else {
                throw APIFailure.badRequest("min_speedup must be a positive number, got \(text)", field: "min_speedup")
            }
            return .minSpeedup(value)
        case (nil, .some(let text)):
            guard let value = Double(text), value.isFinite else {
                throw APIFailure.badRequest("min_reward must be a number, got \(text)", field: "min_reward")
            }
            return .minReward(value)
        }
    }

    private func view(_ version: RegistryVersion) async throws -> Response {
        let aliases = try await aliasesByDigest()[version.digest] ?? []
        return try JSONResponse.make(RegistryEntryView(version, aliases: aliases, withSchedule: true))
    }

    private func aliasesByDigest() async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (alias, digest) in try await daemon.store.registry.aliases() { result[digest, default: []].append(alias) }
        return result
    }
}

/// One logged alias move in `GET /v1/registry/history`.
struct AliasMoveBody: Codable, Sendable {
    var alias: String
    var from: String?
    var to: String
    var time: Date
    var actorUID: UInt32?
}
