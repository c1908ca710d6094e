namespace EdgeStation.Station.Accounts;

/// <summary>
/// Endpoint metadata: the local CLI token (<see cref="LocalCliToken"/>) may call this endpoint as well as sessions. Only
/// the four record writes of /api/records carry it; the command line's read endpoint declares
/// <see cref="AccessRule.LocalCli"/> (the token only); every other endpoint (reads, accounts, metrics, kiosk pages)
/// refuses the token.
/// </summary>
public sealed class CliWriteAccess
{
    private CliWriteAccess()
    {
    }

    public static CliWriteAccess Allowed { get; } = new();
}
