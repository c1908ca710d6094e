using System.Net;
using System.Net.Sockets;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Tests.Cli;

/// <summary>`--db`: a malformed string is exit 2, a server that is not there exit 3, and a real one carries the whole center.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandTests(PostgresServer server) : IDisposable
{
    private CenterRun _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("Host=127.0.0.1;Colour=blue;Database=center", "is not a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=fifty;Database=center", "is not a PostgreSQL connection string")]
    [InlineData("just some words", "is not a PostgreSQL connection string")]
    [InlineData("Port=5432;Database=center", "names no Host")]
    [InlineData("Host=127.0.0.1;Port=5432", "names no Database")]
    public void Malformed_db_string_is_a_usage_error_before_anything_is_opened(string db, string message)
    {
        var (exit, _, error) = _run.Cli("stations", "list", "--db", db);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_run.DataDir));
    }

    [Fact]
    public void Unreachable_database_is_exit_3_and_the_center_does_not_start()
    {
        _run.InitAndEnroll("dongshan");
        var port = UnusedPort();

        var (exit, _, error) = _run.Cli("run", "--urls", "https://127.0.0.1:0", "--admin-port", "0", "--db", $"Host=127.0.0.1;Port={port};Database=center;Username=center;Timeout=5");

        Assert.Equal(3, exit);
        Assert.Contains($"cannot reach PostgreSQL at 127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("check Host and Port", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_run.DataDir, "run", "admin.json")));
    }

    [SkippableFact]
    public void Missing_database_is_exit_3_saying_how_to_create_it()
    {
        Skip.If(server.Missing is not null, server.Missing);
        _run.InitAndEnroll();

        var (exit, _, error) = _run.Cli("stations", "list", "--db", server.ConnectionString("no_such_center"));

        Assert.Equal(3, exit);
        Assert.Contains("has no database 'no_such_center'", error, StringComparison.Ordinal);
        Assert.Contains("createdb", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Center_on_postgres_ingests_over_mutual_tls_and_a_restart_keeps_everything_once()
    {
        Skip.If(server.Missing is not null, server.Missing);
        _run.Dispose();
        _run = new CenterRun { Database = server.CreateDatabase() };
        _run.InitAndEnroll("dongshan");
        var bundle = StationBundle.Read(_run.BundlePath("dongshan"), "dongshan", _run.Time.GetUtcNow());
        var chain = Envelopes.Chain(4);
        using (var center = RunningCenter.Start(_run))
        using (var station = StationClient.From(bundle, center.StationUrl))
        {
            await station.Push(Envelopes.Hourly("dongshan", 1), Envelopes.Digests("dongshan", 2, chain[0], chain[1]));
        }

        using (var center = RunningCenter.Start(_run))
        using (var station = StationClient.From(bundle, center.StationUrl))
        {
            var acks = await station.Push(Envelopes.Hourly("dongshan", 1), Envelopes.Digests("dongshan", 2, chain[0], chain[1]), Envelopes.Digests("dongshan", 3, chain[2], chain[3]));

            Assert.Equal([AckStatus.Duplicate, AckStatus.Duplicate, AckStatus.Accepted], acks.Select(a => a.Status));
        }
        var (exit, output, error) = _run.Cli("stations", "list", "--json");
        Assert.True(exit == 0, error);
        Assert.Contains("\"envelopes\": 3", output, StringComparison.Ordinal);
        Assert.Contains("intact", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_run.DataDir, "center.db")), "with --db nothing goes into the embedded file");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
