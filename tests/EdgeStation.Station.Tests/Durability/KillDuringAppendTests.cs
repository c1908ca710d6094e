using System.Diagnostics;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Durability;

/// <summary>
/// An entry acknowledged to the caller survives kill -9: a child process appends one durable commit at a time
/// and prints each acknowledgement; it is killed mid-stream; the file must reopen, verify, and hold every
/// acknowledged entry with the same hash.
/// </summary>
public class KillDuringAppendTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(250)]
    [InlineData(1500)] // past LedgerStore.JournalCheckpointBytes: kills after the journal was emptied by a checkpoint
    public void Every_acknowledged_entry_survives_kill_9(int killAfter)
    {
        var dataDir = Directory.CreateTempSubdirectory("edgestation-kill-").FullName;
        try
        {
            var acknowledged = RunAndKill(dataDir, killAfter);

            using var store = LedgerStore.Open(dataDir);
            var entries = store.Entries().ToDictionary(e => e.Seq);
            var verify = LedgerVerifier.Verify(entries.Values.OrderBy(e => e.Seq));
            Assert.True(verify.Ok, verify.Problem);
            Assert.True(acknowledged.Count >= killAfter, $"only {acknowledged.Count} acknowledgements before the kill");
            foreach (var head in acknowledged)
            {
                Assert.True(entries.TryGetValue(head.Seq, out var entry), $"acknowledged entry {head.Seq} is missing after the crash");
                Assert.Equal(head.Hash, entry.Hash);
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static List<LedgerHead> RunAndKill(string dataDir, int killAfter)
    {
        var station = Path.Combine(AppContext.BaseDirectory, "edgestation.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { station, "--data-dir", dataDir, "diag", "ledger-stress", "--count", "1000000" })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        var acknowledged = new List<LedgerHead>();
        try
        {
            // Bounded: a child that stops printing (hung, or dead before its first line) fails this test with its
            // standard error instead of holding the whole test run until blame-hang ends it (issue 19).
            var reading = Task.Run(() =>
            {
                while (acknowledged.Count < killAfter && child.StandardOutput.ReadLine() is { } line)
                {
                    Assert.True(LedgerHead.TryParse(line, out var head), $"unexpected output '{line}'");
                    acknowledged.Add(head);
                }
            });
            if (!reading.Wait(TimeSpan.FromMinutes(2)))
            {
                child.Kill(entireProcessTree: true);
                Assert.Fail($"the child printed {acknowledged.Count} of {killAfter} acknowledgements in 2 minutes");
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no dispose in the child
            child.WaitForExit();
        }
        // Lines already written before the kill are acknowledged too.
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (LedgerHead.TryParse(line, out var head))
            {
                acknowledged.Add(head);
            }
        }
        Assert.True(acknowledged.Count > 0, "the child acknowledged nothing: " + child.StandardError.ReadToEnd());
        return acknowledged;
    }
}
