namespace EdgeStation.Center.Admin;

/// <summary>A body of the local admin endpoint, shared by the endpoint and <see cref="AdminClient"/>.</summary>
public sealed record RevokeResponse(bool Found);
