using System.Net;
using System.Security.Cryptography;
using System.Text;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 14 §2: a command that fails or only reads creates, changes and uses up nothing: no database where there
/// was none, not a byte of a refused file, no record number.
/// </summary>
public class NothingChangedOnRefusalTests
{
    private static readonly string[][] ReadCommands =
    [
        ["records", "list"],
        ["records", "show", "DS-2026-0001"],
        ["records", "verify"],
        ["records", "anchor"],
        ["records", "export"],
        ["indicators"],
        ["users", "list"],
    ];

    private static string Checksum(string dir) =>
        string.Join('\n', Directory.EnumerateFiles(dir).Where(f => !f.EndsWith("station.lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    [Fact]
    public void Regression_an_empty_station_db_verified_as_a_new_intact_ledger()
    {
        using var station = new TestStation();
        File.WriteAllBytes(station.DbPath, []);

        foreach (var args in ReadCommands.Append(["records", "add", "case", "--kind", "criminal"]))
        {
            var r = station.Run(args);

            Assert.True(r.Exit == 3, $"{string.Join(' ', args)}: exit {r.Exit} {r.Err}");
            Assert.Contains("empty file where a station database", r.Err, StringComparison.Ordinal);
            Assert.Equal(0, new FileInfo(station.DbPath).Length);
        }
    }

    [Fact]
    public void Regression_a_truncated_station_db_had_its_header_rewritten_by_the_refusal()
    {
        using var station = new TestStation();
        station.AddDispute();
        using (var f = new FileStream(station.DbPath, FileMode.Open))
        {
            f.SetLength(f.Length - 1); // truncate -s -1
        }
        var before = Checksum(station.DataDir);

        foreach (var args in ReadCommands.Append(["records", "add", "case", "--kind", "criminal"]).Append(["records", "transition", "DS-2026-0001", "assess", "--risk", "red"]))
        {
            var r = station.Run(args);

            Assert.True(r.Exit == 3, $"{string.Join(' ', args)}: exit {r.Exit} {r.Err}");
            Assert.Contains("whole page", r.Err, StringComparison.Ordinal);
            Assert.Equal(before, Checksum(station.DataDir));
        }
    }

    [Fact]
    public void Regression_a_garbage_litedb_log_crashed_and_was_checkpointed_into_the_database()
    {
        using var station = new TestStation();
        station.AddDispute();
        File.WriteAllBytes(Path.Combine(station.DataDir, "station-log.db"), RandomNumberGenerator.GetBytes(64 * 1024));
        var before = Checksum(station.DataDir);

        foreach (var args in ReadCommands.Append(["records", "add", "case", "--kind", "criminal"]))
        {
            var r = station.Run(args);

            Assert.True(r.Exit == 3, $"{string.Join(' ', args)}: exit {r.Exit} {r.Err}");
            Assert.Contains("station-log.db", r.Err, StringComparison.Ordinal);
            Assert.Equal(before, Checksum(station.DataDir));
        }
    }

    [Fact]
    public void Regression_read_commands_created_a_missing_data_dir()
    {
        using var station = new TestStation();
        var missing = Path.Combine(station.DataDir, "nonexistent", "x");

        foreach (var args in ReadCommands)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = EdgeStation.Station.Cli.StationCli.Run(["--data-dir", missing, .. args],
                new EdgeStation.Station.Cli.CliContext(stdout, stderr, station.Clock, _ => null));

            Assert.True(exit == 3, $"{string.Join(' ', args)}: exit {exit} {stderr}");
            Assert.Contains("no station database at", stderr.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(station.DataDir, "nonexistent")));
        }
    }

    [Fact]
    public void Regression_a_rejected_first_add_wrote_the_init_entry_and_used_up_number_0001()
    {
        using var station = new TestStation();

        var rejected = station.Run("records", "add", "dispute", "--category", "neighbours", "--parties", "0");

        Assert.Equal(2, rejected.Exit);
        Assert.False(File.Exists(station.DbPath));
        Assert.Equal("DS-2026-0001", station.AddDispute());
        Assert.Contains("ledger intact: 2 entries", station.Ok("records", "verify"), StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_rejected_adds_used_up_record_numbers()
    {
        using var station = new TestStation();
        Assert.Equal("DS-2026-0001", station.AddDispute());

        Assert.Equal(2, station.Run("records", "add", "dispute", "--category", "neighbours", "--parties", "0").Exit);
        Assert.Equal(2, station.Run("records", "add", "petition", "--channel", "visit", "--persons", "1", "--repeat-of", "PT-2026-0099").Exit);

        Assert.Equal("DS-2026-0002", station.AddDispute());
        Assert.Equal("PT-2026-0001", station.Ok("records", "add", "petition", "--channel", "visit", "--persons", "1"));
    }

    [Fact]
    public async Task Regression_rejected_api_adds_used_up_record_numbers()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("wangfang", Role.Official);
        static StringContent Body(string parties) => new($$$"""{"type":"dispute","fields":{"category":"neighbours","parties":{{{parties}}}}}""", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/records", Body("0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/records", Body("-3"))).StatusCode);
        var created = await http.PostAsync("/api/records", Body("2"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/records/DS-2026-0001", created.Headers.Location!.ToString());
    }
}
