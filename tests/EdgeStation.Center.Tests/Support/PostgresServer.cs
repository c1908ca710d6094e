using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 of the test run's own (no Docker): initdb into a temporary folder, the server on a free
/// loopback port with its unix socket in that folder, stopped and deleted at the end. postgres refuses to run as
/// root, so as root the folder is given to the `postgres` user the Debian package creates and the server runs as it
/// (runuser); otherwise as the current user. Each test gets a database of its own (<see cref="CreateDatabase"/>).
/// When PostgreSQL is not installed, <see cref="Missing"/> says so and the tests skip (scripts/test.sh installs it).
/// The center benchmarks compile this same file (linked from benchmarks/EdgeStation.Benchmarks) with
/// <see cref="Durable"/>: a folder on the benchmark disk and PostgreSQL's durable defaults.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "es";
    private readonly string? _folder;
    private readonly string? _bin;
    private readonly bool _asPostgres;
    private readonly bool _durable;
    private int _databases;

    /// <summary>The tests' server: a temporary folder, fsync off.</summary>
    public PostgresServer()
        : this(null, durable: false)
    {
    }

    // xunit builds a fixture through its one public constructor, so the benchmarks' variant is a factory.
    private PostgresServer(string? folder, bool durable)
    {
        _durable = durable;
        _bin = FindBin();
        if (_bin is null)
        {
            Missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set EDGESTATION_PG_BIN to another bin folder): apt-get install postgresql-15, or run scripts/test.sh, which installs it";
            return;
        }
        _asPostgres = Environment.UserName == "root";
        if (_asPostgres && !UserExists("postgres"))
        {
            Missing = "running as root but there is no 'postgres' user to run the server as (the postgresql-15 package creates it)";
            return;
        }
        _folder = folder is null ? Directory.CreateTempSubdirectory("es-pg-").FullName : Directory.CreateDirectory(folder).FullName;
        try
        {
            if (_asPostgres)
            {
                Run("chown", "-R", "postgres:", _folder);
            }
            var data = Path.Combine(_folder, "data");
            PgTool("initdb", ["-D", data, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", .. durable ? Array.Empty<string>() : ["--no-sync"]]);
            Port = FreePort();
            var settings = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            PgTool("pg_ctl", "-D", data, "-w", "-t", "120", "-l", Path.Combine(_folder, "server.log"), "-o",
                $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1{settings} -c max_connections=200", "start");
        }
        catch
        {
            Delete();
            throw;
        }
    }

    /// <summary>
    /// A server in <paramref name="folder"/> with PostgreSQL's durable defaults (fsync, synchronous_commit,
    /// full_page_writes on): a benchmark's ingest figure is only worth something if the commit reached the disk.
    /// Throws when PostgreSQL is not installed.
    /// </summary>
    public static PostgresServer Durable(string folder)
    {
        var server = new PostgresServer(folder, durable: true);
        return server.Missing is { } missing ? throw new InvalidOperationException(missing) : server;
    }

    /// <summary>Why there is no server (tests skip with this), or null.</summary>
    public string? Missing { get; }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true";

    /// <summary>A new empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"center_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        if (_folder is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            PgTool("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-m", _durable ? "fast" : "immediate", "stop");
        }
        finally
        {
            Delete();
        }
    }

    private void Delete()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void PgTool(string tool, params string[] args)
    {
        var path = Path.Combine(_bin!, tool);
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

    private static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("EDGESTATION_PG_BIN") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "initdb")) ? given : null;
        }
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }
        // 15 is what the product is tested on; another major version is better than none.
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => b.Contains("/15/", StringComparison.Ordinal))
            .FirstOrDefault();
    }

    private static bool UserExists(string name) =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
