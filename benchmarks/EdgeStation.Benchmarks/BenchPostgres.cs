using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgeStation.Benchmarks;

/// <summary>
/// A PostgreSQL 15 of the benchmark's own: initdb into a folder on the benchmark disk, the server on a free loopback
/// port, stopped and deleted at the end. Unlike the tests' server it keeps PostgreSQL's durable defaults (fsync,
/// synchronous_commit, full_page_writes on): an ingest figure is only worth something if the commit reached the disk.
/// As root the server runs as the `postgres` user (initdb refuses root).
/// </summary>
public sealed class BenchPostgres : IDisposable
{
    private const string User = "es";
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgres = Environment.UserName == "root";

    public BenchPostgres(string folder)
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
              ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql-15")
            : throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql-15");
        _folder = folder;
        Directory.CreateDirectory(_folder);
        if (_asPostgres)
        {
            Run("chown", "-R", "postgres:", _folder);
        }
        var data = Path.Combine(_folder, "data");
        Tool("initdb", "-D", data, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C");
        Port = FreePort();
        Tool("pg_ctl", "-D", data, "-w", "-t", "120", "-l", Path.Combine(_folder, "server.log"), "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=100", "start");
        using var connection = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Pooling=false");
        connection.Open();
        using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE center", connection);
        create.ExecuteNonQuery();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Database=center;Pooling=true";

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Tool("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-m", "fast", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Tool(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgres)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
