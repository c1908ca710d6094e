namespace EdgeStation.Vision.Tamper;

/// <summary>
/// One tamper check's figures: gray mean and standard deviation (0..255), detail (Laplacian variance over the picture's
/// variance) and, once there is a reference, the correlation with it.
/// </summary>
public sealed record TamperReading(double Mean, double StdDev, double Detail, double? Correlation);
