// Placeholder until ECADCLI lands.
enum ECADCLIPlaceholder {}
