namespace EdgeStation.Station.Api;

/// <summary>POST /api/cli/read: a read command's arguments as the CLI parsed them, less its local options (<see cref="Cli.ServiceRead"/>).</summary>
public sealed class CliReadRequest
{
    public List<string>? Args { get; set; }
}
