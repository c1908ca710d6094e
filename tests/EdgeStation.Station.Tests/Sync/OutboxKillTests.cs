using System.Diagnostics;
using System.Globalization;
using EdgeStation.Station.Cli;
using EdgeStation.Storage.Outbox;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>
/// An envelope the outbox acknowledged survives kill -9: a child process enqueues one at a time and prints each seq;
/// it is killed mid-stream; the outbox must reopen gapless from 1, hold every acknowledged entry whole, with the
/// producer's cursor on the last one stored, and go on with the next seq.
/// </summary>
public class OutboxKillTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(400)]
    public void Every_acknowledged_envelope_survives_kill_9(int killAfter)
    {
        var dataDir = Directory.CreateTempSubdirectory("edgestation-outbox-kill-").FullName;
        try
        {
            var acknowledged = RunAndKill(dataDir, killAfter);

            using var outbox = OutboxStore.Open(dataDir);
            var stored = outbox.Pending(max: int.MaxValue);
            Assert.True(acknowledged.Count >= killAfter, $"only {acknowledged.Count} acknowledgements before the kill");
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.Seq));
            Assert.True(stored.Count >= acknowledged.Max(), $"acknowledged {acknowledged.Max()}, stored {stored.Count}");
            foreach (var e in stored)
            {
                Assert.Equal(OutboxStressCommand.Payload(e.Seq), e.Payload);
            }
            Assert.Equal(stored.Count, outbox.Cursor("stress"));
            Assert.Equal(stored.Count, outbox.Status().Depth);
            Assert.Equal(stored.Count + 1, outbox.Enqueue(OutboxKind.Health, [1]).Seq);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static List<long> RunAndKill(string dataDir, int killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "edgestation.dll"), "--data-dir", dataDir, "diag", "outbox-stress", "--count", "1000000" })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        var acknowledged = new List<long>();
        try
        {
            while (acknowledged.Count < killAfter && child.StandardOutput.ReadLine() is { } line)
            {
                acknowledged.Add(long.Parse(line, CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush, no dispose in the child
            child.WaitForExit();
        }
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (long.TryParse(line, CultureInfo.InvariantCulture, out var seq))
            {
                acknowledged.Add(seq);
            }
        }
        Assert.True(acknowledged.Count > 0, "the child acknowledged nothing: " + child.StandardError.ReadToEnd());
        return acknowledged;
    }
}
