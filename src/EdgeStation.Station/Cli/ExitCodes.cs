namespace EdgeStation.Station.Cli;

/// <summary>The documented exit codes of every command (README, docs/operations.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A check failed (tampered ledger), or an unexpected failure.</summary>
    public const int CheckFailed = 1;
    /// <summary>Usage or input error: unknown type, missing field, bad date, illegal transition, bad config.</summary>
    public const int Usage = 2;
    /// <summary>Environment: database locked, not a database, disk full, read-only, wrong clock.</summary>
    public const int Environment = 3;
}
