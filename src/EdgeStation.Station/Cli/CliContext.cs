namespace EdgeStation.Station.Cli;

/// <summary>Where a command reads and writes, what clock it reads and which environment it sees: all injectable for tests.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    /// <summary>Standard input (`users add --password-stdin`).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Asks for a secret on the terminal without echo; null when standard input is not a terminal.</summary>
    public Func<string, string?>? AskHidden { get; init; }

    public static CliContext Console() =>
        new(System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable)
        {
            In = System.Console.In,
            AskHidden = System.Console.IsInputRedirected ? null : TerminalPrompt.ReadHidden,
        };
}
