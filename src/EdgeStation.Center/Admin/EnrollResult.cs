namespace EdgeStation.Center.Admin;

/// <summary>A bundle just issued; <see cref="ReEnrolled"/> when an earlier certificate of the station was retired.</summary>
public sealed record EnrollResult(byte[] BundleJson, bool ReEnrolled);
