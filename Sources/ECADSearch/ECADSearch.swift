// Placeholder until ECADSearch lands.
enum ECADSearchPlaceholder {}
