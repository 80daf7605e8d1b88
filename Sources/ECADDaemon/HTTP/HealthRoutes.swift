import ECADAPI
import ECADCore
import ECADStore
import Hummingbird
import NIOCore

/// `/v1/health` and `/metrics` (Prometheus text format).
struct HealthRoutes {
    let daemon: DaemonContext

    func register(on router: Router<DaemonRequestContext>) {
        router.get("/v1/health") { _, _ in
            let counts = try await daemon.store.jobs.counts()
            return try JSONResponse.make(
                HealthView(
                    status: "ok", version: daemon.configuration.version, startedAt: daemon.startedAt,
                    slots: daemon.configuration.slots,
                    jobs: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })))
        }
        router.get("/metrics") { _, _ in
            let counts = try await daemon.store.jobs.counts()
            var text = "# HELP ecadd_jobs Jobs by state.\n# TYPE ecadd_jobs gauge\n"
            for state in JobState.allCases {
                text += "ecadd_jobs{state=\"\(state.rawValue)\"} \(counts[state] ?? 0)\n"
            }
            text += "# HELP ecadd_slots Worker slots.\n# TYPE ecadd_slots gauge\n"
            text += "ecadd_slots \(daemon.configuration.slots)\n"
            text += "# HELP ecadd_workers Worker processes supervised now.\n# TYPE ecadd_workers gauge\n"
            text += "ecadd_workers \(daemon.running.handles.map(\.workers).reduce(0, +))\n"
            text += "# HELP ecadd_start_time_seconds Daemon start time.\n# TYPE ecadd_start_time_seconds gauge\n"
            text += "ecadd_start_time_seconds \(Int(daemon.startedAt.timeIntervalSince1970))\n"
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
