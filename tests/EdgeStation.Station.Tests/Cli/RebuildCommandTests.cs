using EdgeStation.Station.Tests.Support;
using LiteDB;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 14 §1: a stored state that disagrees with the ledger is refused by every command (exit 3 pointing to the fix),
/// named by `records verify` (exit 1), and re-derived by `records rebuild`, which logs itself in the ledger.
/// </summary>
public class RebuildCommandTests
{
    private static void Edit(TestStation station, string collection, string id, Action<BsonDocument> change)
    {
        using var db = new LiteDatabase(station.DbPath);
        var c = db.GetCollection(collection);
        var doc = c.FindById(id);
        change(doc);
        c.Update(doc);
    }

    private static TestStation Tampered()
    {
        var station = new TestStation();
        station.AddDispute();
        station.AddDispute();
        station.Ok("records", "transition", "DS-2026-0001", "assess", "--risk", "red");
        Edit(station, "records", "DS-2026-0001", doc =>
        {
            doc["status"] = "mediating";
            doc["fields"].AsDocument["status"] = "mediating";
        });
        return station;
    }

    [Fact]
    public void Regression_show_printed_an_overwritten_status_and_the_workflow_accepted_a_step_it_forbids()
    {
        using var station = Tampered();
        var head = File.ReadAllBytes(station.DbPath);

        var show = station.Run("records", "show", "DS-2026-0001");
        var list = station.Run("records", "list");
        var step = station.Run("records", "transition", "DS-2026-0001", "resolve");

        foreach (var r in new[] { show, list, step })
        {
            Assert.Equal(3, r.Exit);
            Assert.Contains("stored state disagrees with the ledger", r.Err, StringComparison.Ordinal);
            Assert.Contains("records rebuild", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("mediating", r.Out, StringComparison.Ordinal);
        }
        Assert.Equal(head, File.ReadAllBytes(station.DbPath)); // refused: nothing written on top of it
    }

    [Fact]
    public void Rebuild_re_derives_the_state_logs_itself_and_every_command_works_again()
    {
        using var station = Tampered();
        var entriesBefore = long.Parse(station.Head().Split(':')[0], System.Globalization.CultureInfo.InvariantCulture); // anchor reads the chain only

        var dry = station.Run("records", "rebuild", "--dry-run");
        Assert.Equal(0, dry.Exit);
        Assert.Contains("DS-2026-0001 status: stored 'mediating', the ledger says 'assessed'", dry.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was changed", dry.Out, StringComparison.Ordinal);
        Assert.Equal(3, station.Run("records", "show", "DS-2026-0001").Exit);

        var rebuild = station.Run("records", "rebuild", "--actor", "engineer-wang");
        Assert.Equal(0, rebuild.Exit);
        Assert.Contains("rebuilt from the ledger: 2 records", rebuild.Out, StringComparison.Ordinal);
        Assert.Contains("by engineer-wang", rebuild.Out, StringComparison.Ordinal);

        Assert.Contains("assessed", station.Ok("records", "show", "DS-2026-0001"), StringComparison.Ordinal);
        var verify = station.Run("records", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.Contains($"{entriesBefore + 1} entries", verify.Out, StringComparison.Ordinal); // the rebuild is an entry of the chain
        Assert.Contains("nothing to rebuild", station.Ok("records", "rebuild"), StringComparison.Ordinal);
        station.Ok("records", "transition", "DS-2026-0001", "assign", "--to", "王某"); // the step the real state allows
    }

    [Fact]
    public void Rebuild_refuses_a_chain_that_does_not_verify_and_changes_nothing()
    {
        using var station = Tampered();
        using (var db = new LiteDatabase(station.DbPath))
        {
            var ledger = db.GetCollection("ledger");
            var doc = ledger.FindById(2L);
            doc["content"] = doc["content"].AsString.Replace("\"parties\":2", "\"parties\":7", StringComparison.Ordinal);
            ledger.Update(doc);
        }
        var before = File.ReadAllBytes(station.DbPath);

        var r = station.Run("records", "rebuild");

        Assert.Equal(1, r.Exit);
        Assert.Contains("LEDGER TAMPERED", r.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(station.DbPath));
    }

    [Fact]
    public void Verify_names_a_damaged_digest_when_every_stored_value_still_matches_the_ledger()
    {
        using var station = new TestStation();
        station.AddDispute();
        Edit(station, "state", "state", doc => doc["records"] = new string('0', 64));

        Assert.Equal(3, station.Run("records", "list").Exit);
        var verify = station.Run("records", "verify");
        Assert.Equal(1, verify.Exit);
        Assert.Contains("state digest", verify.Err, StringComparison.Ordinal);
        Assert.Equal(0, station.Run("records", "rebuild").Exit);
        Assert.Equal(0, station.Run("records", "list").Exit);
    }

    [Fact]
    public void Rebuild_of_a_missing_station_is_exit_3_and_creates_nothing()
    {
        using var station = new TestStation();
        var r = station.Run("records", "rebuild");
        Assert.Equal(3, r.Exit);
        Assert.Contains("no station database", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(station.DbPath));
    }
}
