using System.Text;
using EdgeStation.Station.Tests.Support;
using Xunit.Abstractions;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 14 §1: single bytes flipped all over a copy of a real station.db (every page kind, free space included).
/// For each copy the read commands never crash (exit 0, 1 or 3, a message with every non-zero exit), and each exits 0
/// only if what it prints (`records show`, `records list`, `indicators`, `users list`) is unchanged: a changed stored
/// state is refused on open (the state digest), a changed history entry when it is read. The table of outcomes goes to
/// the test output (and docs/ledger.md).
/// </summary>
public class ByteFlipTests(ITestOutputHelper output)
{
    private const int Positions = 320;
    private const int PageSize = 8192;

    private static readonly string[][] Reads =
    [
        ["records", "show", "DS-2026-0002"],
        ["records", "list", "--include-voided"],
        ["indicators", "--date", "2026-03-10"],
        ["users", "list"],
    ];

    private static byte[] SeededDatabase(out string[] seededOutputs)
    {
        using var station = new TestStation();
        for (var i = 0; i < 6; i++)
        {
            station.AddDispute(i % 2 == 0 ? "red" : "yellow");
        }
        station.Ok("records", "transition", "DS-2026-0002", "assess", "--risk", "red");
        station.Ok("records", "transition", "DS-2026-0002", "assign", "--to", "王某");
        station.Ok("records", "transition", "DS-2026-0003", "assess", "--risk", "green");
        station.Ok("records", "add", "petition", "--channel", "visit", "--persons", "1");
        station.Ok("records", "void", "DS-2026-0004", "--reason", "重复登记");
        foreach (var (name, role, grid) in new[] { ("admin1", "admin", ""), ("lisi", "official", ""), ("zhao", "grid-worker", "grid-3") })
        {
            station.Input = "secret-2026-x\n";
            station.Ok(["users", "add", "--role", role, "--password-stdin", .. grid.Length > 0 ? new[] { "--grid", grid } : [], name]);
        }
        station.Ok("users", "disable", "lisi");
        seededOutputs = [.. Reads.Select(args => station.Ok(args))];
        return File.ReadAllBytes(station.DbPath);
    }

    private static string PageKind(byte[] db, long position)
    {
        var page = (int)(position / PageSize);
        var offset = (int)(position % PageSize);
        var type = db[(page * PageSize) + 4];
        var kind = type switch { 1 => "header", 2 => "collection", 3 => "index", 4 => "data", 0 => "empty", _ => "other" };
        var used = BitConverter.ToUInt16(db, (page * PageSize) + 24);
        return offset < 32 ? kind + " (page header)" : type is 3 or 4 && offset >= 32 + used ? kind + " (free space)" : kind;
    }

    [Fact]
    public void Flipped_bytes_never_crash_a_read_and_never_print_changed_output_with_exit_0()
    {
        var original = SeededDatabase(out var expected);
        var random = new Random(14);
        var positions = new SortedSet<long>();
        for (var page = 0; page < original.Length / PageSize; page++)
        {
            positions.Add((page * PageSize) + 4); // every page's type byte
            positions.Add((page * PageSize) + 40);
        }
        while (positions.Count < Positions)
        {
            positions.Add(random.NextInt64(original.Length));
        }

        var table = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var position in positions)
        {
            var copy = (byte[])original.Clone();
            copy[position] ^= 0x5A;
            using var station = new TestStation();
            File.WriteAllBytes(station.DbPath, copy);

            var outcome = "unchanged";
            string? changedRead = null;
            for (var i = 0; i < Reads.Length; i++)
            {
                var r = Run(station, Reads[i], failures, position);
                if (r is null)
                {
                    outcome = "CRASH";
                    break;
                }
                if (r.Exit != 0)
                {
                    outcome = $"refused (exit {r.Exit})";
                }
                else if (r.Out.Trim() != expected[i])
                {
                    outcome = outcome == "unchanged" ? "output changed" : outcome;
                    changedRead ??= $"'{string.Join(' ', Reads[i])}' printed:\n{r.Out.Trim()}\ninstead of:\n{expected[i]}";
                }
            }
            var verify = Run(station, ["records", "verify"], failures, position);
            if (verify is null)
            {
                outcome = "CRASH";
            }
            else if (outcome != "CRASH")
            {
                if (verify.Exit is not (0 or 1 or 3) || (verify.Exit != 0 && verify.Err.Trim().Length == 0))
                {
                    failures.Add($"byte {position}: verify exit {verify.Exit} without a message");
                }
                if (outcome == "output changed")
                {
                    // Exit 0 is a promise that what was printed is what the ledger says.
                    failures.Add($"byte {position} ({PageKind(original, position)}): a read printed changed output with exit 0 (verify exit {verify.Exit}): {changedRead}");
                }
                outcome += verify.Exit == 0 ? ", verify intact" : $", verify exit {verify.Exit}";
            }
            var kind = PageKind(original, position);
            table.TryAdd(kind, new SortedDictionary<string, int>(StringComparer.Ordinal));
            table[kind][outcome] = table[kind].GetValueOrDefault(outcome) + 1;
        }

        var report = new StringBuilder($"{positions.Count} positions in a {original.Length}-byte station.db\n| page kind | outcome | copies |\n|---|---|---|\n");
        foreach (var (kind, outcomes) in table)
        {
            foreach (var (outcome, n) in outcomes)
            {
                report.Append($"| {kind} | {outcome} | {n} |\n");
            }
        }
        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)) + "\n" + report);
    }

    private static CliResult? Run(TestStation station, string[] args, List<string> failures, long position)
    {
        try
        {
            var r = station.Run(args);
            if (r.Exit != 0 && r.Err.Trim().Length == 0)
            {
                failures.Add($"byte {position}: '{string.Join(' ', args)}' exit {r.Exit} without a message");
            }
            if (r.Exit is not (0 or 1 or 2 or 3))
            {
                failures.Add($"byte {position}: '{string.Join(' ', args)}' exit {r.Exit}");
            }
            return r;
        }
        catch (Exception ex)
        {
            failures.Add($"byte {position}: '{string.Join(' ', args)}' crashed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }
}
