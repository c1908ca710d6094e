namespace EdgeStation.Station.Accounts;

/// <summary>
/// Endpoint metadata: the local CLI token (<see cref="LocalCliToken"/>) may call this endpoint to run a read command
/// (<see cref="Cli.ServiceRead"/>). Like <see cref="CliWriteAccess"/>, it grants nothing a reader of station.db lacks.
/// </summary>
public sealed class CliReadAccess
{
    private CliReadAccess()
    {
    }

    public static CliReadAccess Allowed { get; } = new();
}
