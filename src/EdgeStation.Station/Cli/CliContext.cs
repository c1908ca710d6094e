namespace EdgeStation.Station.Cli;

/// <summary>Where a command reads and writes, what clock it reads and which environment it sees: all injectable for tests.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    /// <summary>Standard input (`users add --password-stdin`).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Asks for a secret on the terminal without echo; null when standard input is not a terminal.</summary>
    public Func<string, string?>? AskHidden { get; init; }

    /// <summary>
    /// Stops a serving command (`run`, `demo`) when cancelled: how tests end one in-process. The real binary
    /// stops on SIGINT/SIGTERM instead (the host's console lifetime).
    /// </summary>
    public CancellationToken Stop { get; init; }

    /// <summary>
    /// Set only inside the service when it runs a read command for the CLI (<see cref="ServiceRead"/>): the service's
    /// own open store, which the command reads instead of opening the database, and never closes.
    /// </summary>
    public StationSession? Hosted { get; init; }

    public static CliContext Console() =>
        new(System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable)
        {
            In = System.Console.In,
            AskHidden = System.Console.IsInputRedirected ? null : TerminalPrompt.ReadHidden,
        };
}
