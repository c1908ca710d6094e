using System.Diagnostics;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Audit;

/// <summary>An entry that carries an idempotency key is valid content for the independent checker (docs/ledger.md).</summary>
public class IdempotencyKeyExportTests
{
    [Fact]
    public async Task An_export_with_keyed_entries_re_verifies_with_the_python_checker()
    {
        using var station = new TestStation();
        station.AddDispute();
        using (var store = LedgerStore.Open(station.DataDir))
        {
            var create = await store.AppendAsync(
                view => new RecordCommands(new Domain.Settings.StationSettings()).Create(RecordType.GridEvent, view.NextRecordId(RecordType.GridEvent, 2026),
                    new Dictionary<string, string> { [FieldKeys.Category] = "environment" }, "cli:tester", station.Clock.GetUtcNow(), view.Find),
                new IdempotentRequest("cli:tester", new RequestKey("3f1c9a", new string('a', 64))));
            Assert.NotNull(create!.Event.Request);
        }
        var export = Path.Combine(station.DataDir, "export.json");
        station.Ok("records", "export", "--output", export);

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "scripts", "verify-export.py"));
        start.ArgumentList.Add(export);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();

        Assert.True(p.ExitCode == 0, stderr + await stdout);
        Assert.Contains("\\\"idempotency\\\":{\\\"key\\\":\\\"3f1c9a\\\"", await File.ReadAllTextAsync(export), StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeStation.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EdgeStation.sln not found above " + AppContext.BaseDirectory);
    }
}
