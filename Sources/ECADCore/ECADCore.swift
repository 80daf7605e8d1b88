// Placeholder until ECADCore lands.
enum ECADCorePlaceholder {}
