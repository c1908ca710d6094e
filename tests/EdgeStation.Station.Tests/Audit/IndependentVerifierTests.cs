using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Audit;

/// <summary>docs/ledger.md claims an auditor can re-verify an export with their own tool; scripts/verify-export.py is one.</summary>
public class IndependentVerifierTests
{
    private static readonly string Script = Path.Combine(RepoRoot(), "scripts", "verify-export.py");

    [Fact]
    public void An_export_re_verifies_with_the_python_checker_and_a_changed_byte_does_not()
    {
        using var station = new TestStation();
        station.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025");
        var export = Path.Combine(station.DataDir, "export.json");
        station.Ok("records", "export", "--output", export);
        var anchor = station.Head();

        var intact = RunPython(export, "--expect-head", anchor);
        var text = File.ReadAllText(export);
        var at = text.IndexOf("\\\"parties\\\":2", StringComparison.Ordinal);
        File.WriteAllText(export, text[..at] + "\\\"parties\\\":3" + text[(at + 14)..]);
        var tampered = RunPython(export);

        Assert.True(intact.Exit == 0, intact.Err);
        Assert.Contains(anchor, intact.Out, StringComparison.Ordinal);
        Assert.Equal(1, tampered.Exit);
        Assert.Contains("content was changed", tampered.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_EditedRecordsSectionPassedAsIntact()
    {
        // The export used to carry the records' derived state (status, summary, risk, voided) beside the
        // ledger, unchecked: editing it left "intact". The ledger is now the only content, and a records
        // section slipped in is refused.
        using var station = new TestStation();
        station.AddDispute();
        var export = StationExport(station);
        var root = JsonNode.Parse(File.ReadAllText(export))!.AsObject();
        Assert.False(root.ContainsKey("records"), "the export must not carry a derived records section");

        root["records"] = new JsonArray(new JsonObject { ["id"] = "DS-2026-0001", ["status"] = "resolved", ["voided"] = false });
        File.WriteAllText(export, root.ToJsonString());
        var edited = RunPython(export);

        Assert.Equal(1, edited.Exit);
        Assert.Contains("records", edited.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("station")]
    [InlineData("redacted")]
    public void Regression_EditedExportMembersPassedAsIntact(string member)
    {
        using var station = new TestStation();
        station.AddDispute();
        var export = StationExport(station);
        var root = JsonNode.Parse(File.ReadAllText(export))!.AsObject();
        root[member] = member switch
        {
            "head" => "1:" + new string('a', 64),
            "station" => new JsonObject { ["village"] = "别的村", ["startDate"] = "2026-03-10", ["timeZone"] = "Asia/Shanghai" },
            _ => true,
        };
        File.WriteAllText(export, root.ToJsonString());

        var edited = RunPython(export);

        Assert.True(edited.Exit == 1, edited.Err);
    }

    [Fact]
    public void Regression_ChangedRecordIdOfAnEntryPassedAsIntact()
    {
        using var station = new TestStation();
        station.AddDispute();
        var export = StationExport(station);
        var root = JsonNode.Parse(File.ReadAllText(export))!.AsObject();
        root["ledger"]![1]!["recordId"] = "DS-2026-0999";
        File.WriteAllText(export, root.ToJsonString());

        var edited = RunPython(export);

        Assert.Equal(1, edited.Exit);
        Assert.Contains("entry 2: stored record id 'DS-2026-0999'", edited.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_KeysSortedByCodePointInsteadOfUtf16CodeUnits()
    {
        // U+FF61 sorts before U+1F600 by code point but after it by UTF-16 code units (0xFF61 > 0xD83D), which
        // is RFC 8785's order and the station's: the station's own encoding must verify.
        var content = RecordEventCodec.Encode(Event(new() { ["\uFF61"] = FieldValue.Of("a"), ["\U0001F600"] = FieldValue.Of("b") }));
        Assert.True(content.IndexOf('\uD83D', StringComparison.Ordinal) < content.IndexOf('\uFF61', StringComparison.Ordinal));

        var result = RunOnSynthetic(content);

        Assert.True(result.Exit == 0, result.Err);
    }

    [Theory]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","fields":{},"note":null,"recordId":"DS-2026-0001","type":"dispute"}""")]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","fields":{"parties":1.5},"recordId":"DS-2026-0001","type":"dispute"}""")]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","fields":{"parties":true},"recordId":"DS-2026-0001","type":"dispute"}""")]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","extra":"x","fields":{},"recordId":"DS-2026-0001","type":"dispute"}""")]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","fields":{},"recordId":"DS-2026-0001","refSeq":"1","type":"dispute"}""")]
    [InlineData("""{"action":"create","actor":"cli:wang","at":"2026-03-10T01:00:00.000Z","fields":{"parties":99999999999999999},"recordId":"DS-2026-0001","type":"dispute"}""")]
    public void Regression_NullFractionsAndUnknownMembersPassedAsValidContent(string content)
    {
        var result = RunOnSynthetic(content);

        Assert.Equal(1, result.Exit);
        Assert.Contains("content is not valid", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("5:abc")]
    [InlineData("0:0000000000000000000000000000000000000000000000000000000000000000")]
    public void Regression_MalformedExpectHeadCrashedOrReadAsTampering(string anchor)
    {
        using var station = new TestStation();
        station.AddDispute();

        var result = RunPython(StationExport(station), "--expect-head", anchor);

        Assert.Equal(2, result.Exit);
        Assert.Contains("--expect-head must be SEQ:HASH", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_export_verifies_its_chain()
    {
        using var station = new TestStation();
        station.AddDispute();
        var export = Path.Combine(station.DataDir, "redacted.json");
        station.Ok("records", "export", "--redact", "--output", export);

        var result = RunPython(export, "--expect-head", station.Head());

        Assert.True(result.Exit == 0, result.Err);
    }

    private static string StationExport(TestStation station)
    {
        var export = Path.Combine(station.DataDir, "export.json");
        station.Ok("records", "export", "--output", export);
        return export;
    }

    private static RecordEvent Event(SortedDictionary<string, FieldValue> fields) => new()
    {
        Type = "dispute",
        RecordId = "DS-2026-0001",
        Action = RecordEvent.Create,
        Actor = "cli:wang",
        At = TestStation.Start,
        Fields = new SortedDictionary<string, FieldValue>(fields, StringComparer.Ordinal),
    };

    /// <summary>Verifies a one-entry export whose chain is sealed correctly around <paramref name="content"/>, so only check 5 can fail.</summary>
    private static CliResult RunOnSynthetic(string content)
    {
        var path = SyntheticExport(content);
        try
        {
            return RunPython(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string SyntheticExport(string content)
    {
        var entry = LedgerHasher.Seal(1, "DS-2026-0001", content, LedgerHasher.GenesisHash);
        var path = Path.Combine(Path.GetTempPath(), $"edgestation-export-{Guid.NewGuid():N}.json");
        using (var stream = File.Create(path))
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("head", $"1:{entry.Hash}");
            w.WriteBoolean("redacted", false);
            w.WriteStartArray("ledger");
            w.WriteStartObject();
            w.WriteNumber("seq", entry.Seq);
            w.WriteString("recordId", entry.RecordId);
            w.WriteString("content", entry.Content);
            w.WriteString("contentDigest", entry.ContentDigest);
            w.WriteString("prevHash", entry.PrevHash);
            w.WriteString("hash", entry.Hash);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return path;
    }

    private static CliResult RunPython(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        Process p;
        try
        {
            p = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("python3 is needed for the independent ledger check (scripts/test.sh installs it)");
            throw;
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return new CliResult(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr);
        }
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
