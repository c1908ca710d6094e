using System.Text.Json;
using EdgeStation.Station.Tests.Support;
using LiteDB;

namespace EdgeStation.Station.Tests.Cli;

public class LedgerCommandsTests
{
    [Fact]
    public void Verify_passes_on_an_untouched_ledger()
    {
        using var station = new TestStation();
        station.AddDispute();

        var r = station.Run("records", "verify");

        Assert.Equal(0, r.Exit);
        Assert.Contains("ledger intact: 2 entries", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchor_prints_seq_and_hash()
    {
        using var station = new TestStation();
        station.AddDispute();

        Assert.Matches("^2:[0-9a-f]{64}$", station.Head());
    }

    [Fact]
    public void Verify_exits_1_and_names_an_edited_entry()
    {
        using var station = new TestStation();
        for (var i = 0; i < 4; i++)
        {
            station.AddDispute();
        }
        using (var db = new LiteDatabase(station.DbPath))
        {
            var ledger = db.GetCollection("ledger");
            var doc = ledger.FindById(3L);
            doc["content"] = doc["content"].AsString.Replace("yellow", "green", StringComparison.Ordinal);
            ledger.Update(doc);
        }

        var r = station.Run("records", "verify");

        Assert.Equal(1, r.Exit);
        Assert.Contains("entry 3: content was changed", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_against_the_anchor_catches_a_cut_tail()
    {
        using var station = new TestStation();
        for (var i = 0; i < 4; i++)
        {
            station.AddDispute();
        }
        var anchor = station.Head();
        using (var db = new LiteDatabase(station.DbPath))
        {
            db.GetCollection("ledger").Delete(5L);
        }

        var alone = station.Run("records", "verify");
        var anchored = station.Run("records", "verify", "--expect-head", anchor, "--json");

        // The chain alone ends cleanly at 4, but the record entry 5 created is still stored: the state check sees it.
        Assert.Equal(1, alone.Exit);
        Assert.Contains("DS-2026-0004 record: is in the records collection but no ledger entry created it", alone.Err, StringComparison.Ordinal);
        Assert.Equal(1, anchored.Exit);
        using var doc = JsonDocument.Parse(anchored.Out);
        Assert.Equal(5, doc.RootElement.GetProperty("firstBadSeq").GetInt64());
        Assert.Contains("missing from the end", doc.RootElement.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_json_holds_the_chain_that_re_verifies_and_no_derived_records()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.AddDispute();

        using var doc = JsonDocument.Parse(station.Ok("records", "export", "--format", "json"));

        var ledger = doc.RootElement.GetProperty("ledger").EnumerateArray().Select(e => new EdgeStation.Storage.Ledger.LedgerEntry(
            e.GetProperty("seq").GetInt64(), e.GetProperty("recordId").GetString()!, e.GetProperty("content").GetString()!,
            e.GetProperty("contentDigest").GetString()!, e.GetProperty("prevHash").GetString()!, e.GetProperty("hash").GetString()!)).ToList();
        Assert.True(EdgeStation.Storage.Ledger.LedgerVerifier.Verify(ledger).Ok);
        Assert.Equal(3, ledger.Count);
        Assert.False(doc.RootElement.TryGetProperty("records", out _));
        Assert.Equal(station.Head(), doc.RootElement.GetProperty("head").GetString());
    }

    [Fact]
    public void Redacted_exports_carry_no_personal_field()
    {
        using var station = new TestStation();
        station.AddDispute();

        var json = station.Ok("records", "export", "--format", "json", "--redact");
        var csv = station.Ok("records", "export", "--format", "csv", "--redact");

        foreach (var text in new[] { json, csv })
        {
            Assert.DoesNotContain("张某", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13800138000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("宅基地", text, StringComparison.Ordinal);
            Assert.DoesNotContain("partyNames", text, StringComparison.Ordinal);
        }
        Assert.Contains("neighbours", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Unredacted_csv_has_a_header_and_one_row_per_record()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.Ok("records", "add", "grid-event", "--category", "environment", "--summary", "垃圾, \"清运\"");

        var lines = station.Ok("records", "export", "--format", "csv").Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,type,status,voided,", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"垃圾, \"\"清运\"\"\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Export_to_a_file_writes_it_whole()
    {
        using var station = new TestStation();
        station.AddDispute();
        var path = Path.Combine(station.DataDir, "export.json");

        station.Ok("records", "export", "--output", path);

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(2, doc.RootElement.GetProperty("ledger").GetArrayLength());
        Assert.False(File.Exists(path + ".partial"));
    }
}
