namespace EdgeStation.Station.Cli;

/// <summary>Where a command writes, what clock it reads and which environment it sees: all injectable for tests.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    public static CliContext Console() =>
        new(System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable);
}
