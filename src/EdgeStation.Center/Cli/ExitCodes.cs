namespace EdgeStation.Center.Cli;

/// <summary>The documented exit codes (docs/center.md), the same as the station's.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    /// <summary>Usage or input: a wrong flag, a bad station id, an unknown station.</summary>
    public const int Usage = 2;
    /// <summary>Environment: no CA yet, data dir not writable, database held or damaged, port busy.</summary>
    public const int Environment = 3;
}
