import ECADCore
import ECADStore
import Foundation
import Logging

/// The daemon's shared parts, built once in ``DaemonApp`` and handed to routes and services.
package struct DaemonContext: Sendable {
    /// Flags.
    package var configuration: DaemonConfiguration
    /// The store.
    package var store: Store
    /// Who may do what.
    package var policy: AccessPolicy
    /// RUNNING jobs of this daemon.
    package var running: RunningJobs
    /// Wakes the scheduler.
    package var wakeup: SchedulerWakeup
    /// Runners by kind (also used to validate specs at submit).
    package var runners: [JobKind: any JobRunner]
    /// When the daemon started.
    package var startedAt: Date
    /// Logger.
    package var logger: Logger
}
