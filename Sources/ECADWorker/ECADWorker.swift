// Placeholder until ECADWorker lands.
enum ECADWorkerPlaceholder {}
