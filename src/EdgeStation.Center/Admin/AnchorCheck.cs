namespace EdgeStation.Center.Admin;

/// <summary>The answer to `anchor`: the verdict, and the hash held for the seq when there is one.</summary>
public sealed record AnchorCheck(AnchorVerdict Verdict, string? HeldHash);
