// Placeholder until ECADDaemon lands.
enum ECADDaemonPlaceholder {}
