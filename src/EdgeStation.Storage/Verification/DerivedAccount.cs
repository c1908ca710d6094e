namespace EdgeStation.Storage.Verification;

/// <summary>What the ledger says of an account: its role, grids and whether it is disabled (never its password).</summary>
public sealed record DerivedAccount(string Name, string Role, IReadOnlyList<string> Grids, bool Disabled);
