namespace EdgeStation.Center.Cli;

/// <summary>Where a command writes, what clock it reads and which environment it sees: injectable for tests.</summary>
public sealed record CenterContext(TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    /// <summary>Stops `run` when cancelled (tests); the real binary stops on SIGINT/SIGTERM.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Called by `run` once it listens, with the addresses bound (tests wait on it instead of sleeping).</summary>
    public Action<IReadOnlyList<string>>? Started { get; init; }

    /// <summary>Where `users add` reads the password from (standard input; tests give a reader).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    public static CenterContext Console() =>
        new(System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable) { In = System.Console.In };
}
