// Placeholder until ECADWorkerProtocol lands.
enum ECADWorkerProtocolPlaceholder {}
