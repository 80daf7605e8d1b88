// Placeholder until ECADShapes lands.
enum ECADShapesPlaceholder {}
