// Placeholder until ECADStore lands.
enum ECADStorePlaceholder {}
