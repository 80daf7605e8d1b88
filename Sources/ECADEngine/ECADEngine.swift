// Placeholder until ECADEngine lands.
enum ECADEnginePlaceholder {}
