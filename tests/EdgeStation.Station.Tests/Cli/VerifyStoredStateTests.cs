using EdgeStation.Station.Tests.Support;
using LiteDB;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 14 §1: `records verify` proves what people read, not only the chain. Each test edits station.db the way
/// another tool would (the chain untouched) and expects exit 1 naming the record or account and the field.
/// </summary>
public class VerifyStoredStateTests
{
    private static void Edit(TestStation station, string collection, object id, Action<BsonDocument> change)
    {
        using var db = new LiteDatabase(station.DbPath);
        var c = db.GetCollection(collection);
        var doc = c.FindById(new BsonValue(id));
        change(doc);
        c.Update(doc);
    }

    private static CliResult AddUser(TestStation station, string name, string role, params string[] more)
    {
        station.Input = "secret-2026-x\n";
        return station.Run(["users", "add", "--role", role, "--password-stdin", .. more, name]);
    }

    [Fact]
    public void An_untouched_station_verifies_with_its_records_accounts_and_counters()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.Ok("records", "transition", "DS-2026-0001", "assess", "--risk", "red");
        Assert.Equal(0, AddUser(station, "admin1", "admin").Exit);

        var r = station.Run("records", "verify");

        Assert.Equal(0, r.Exit);
        Assert.Contains("stored state matches the ledger: 1 records, 1 accounts, 1 id counters", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_verify_said_intact_after_a_status_was_overwritten_in_the_records_collection()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.Ok("records", "transition", "DS-2026-0001", "assess", "--risk", "red");
        Edit(station, "records", "DS-2026-0001", doc =>
        {
            doc["status"] = "mediating";
            doc["fields"].AsDocument["status"] = "mediating";
        });

        var r = station.Run("records", "verify");

        Assert.Equal(1, r.Exit);
        Assert.Contains("DS-2026-0001 fields.status: stored 'mediating', the ledger says 'assessed'", r.Err, StringComparison.Ordinal);
        Assert.Contains("DS-2026-0001 status: stored 'mediating'", r.Err, StringComparison.Ordinal);
        Assert.Contains("Do not add records", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_verify_said_intact_after_a_disabled_account_was_re_enabled_in_the_users_collection()
    {
        using var station = new TestStation();
        Assert.Equal(0, AddUser(station, "admin1", "admin").Exit);
        Assert.Equal(0, AddUser(station, "lisi", "official").Exit);
        station.Ok("users", "disable", "lisi");
        Edit(station, "users", "lisi", doc => doc["disabled"] = false);

        var r = station.Run("records", "verify");

        Assert.Equal(1, r.Exit);
        Assert.Contains("account lisi disabled: stored false, the ledger says true", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_verify_said_intact_after_a_role_was_swapped_in_the_users_collection()
    {
        using var station = new TestStation();
        Assert.Equal(0, AddUser(station, "admin1", "admin").Exit);
        Assert.Equal(0, AddUser(station, "zhao", "grid-worker", "--grid", "grid-3").Exit);
        Edit(station, "users", "zhao", doc =>
        {
            doc["role"] = "admin";
            doc["grids"] = new BsonArray();
        });

        var r = station.Run("records", "verify");

        Assert.Equal(1, r.Exit);
        Assert.Contains("account zhao role: stored 'admin', the ledger says 'grid-worker'", r.Err, StringComparison.Ordinal);
        Assert.Contains("account zhao grids:", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_a_record_deleted_from_the_records_collection_went_unnoticed()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.AddDispute();
        using (var db = new LiteDatabase(station.DbPath))
        {
            db.GetCollection("records").Delete("DS-2026-0001");
        }

        var r = station.Run("records", "verify", "--json");

        Assert.Equal(1, r.Exit);
        Assert.Contains("\"subject\":\"DS-2026-0001\"", r.Out, StringComparison.Ordinal);
        Assert.Contains("missing from the records collection", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_an_id_counter_set_back_went_unnoticed_until_a_number_was_reused()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.AddDispute();
        Edit(station, "counters", "DS-2026", doc => doc["n"] = 1L);

        var r = station.Run("records", "verify");

        Assert.Equal(1, r.Exit);
        Assert.Contains("counter DS-2026 n: stored 1, but DS-2026-0002 was created", r.Err, StringComparison.Ordinal);
    }
}
