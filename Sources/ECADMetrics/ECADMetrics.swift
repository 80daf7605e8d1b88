// Placeholder until ECADMetrics lands.
enum ECADMetricsPlaceholder {}
