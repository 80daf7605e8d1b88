// Placeholder until ECADAPI lands.
enum ECADAPIPlaceholder {}
