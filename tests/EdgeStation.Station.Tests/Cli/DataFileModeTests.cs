using System.Diagnostics;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 15: the data files hold names and ID numbers, yet every command and the service created them 0644 (the folder
/// 0755), readable by every account on the box. Real files on disk, their real modes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DataFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDir = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode Open = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead; // 0644

    private readonly TestStation _station = new();

    public void Dispose() => _station.Dispose();

    /// <summary>A write command run on a data dir that does not exist yet (the command makes it).</summary>
    public static TheoryData<string> FreshWrites => ["records add", "users add", "holidays import", "demo"];

    [Theory]
    [MemberData(nameof(FreshWrites))]
    public void Regression_a_command_on_a_fresh_data_dir_created_files_every_account_could_read(string command)
    {
        Directory.Delete(_station.DataDir);
        var holidays = Path.Combine(Path.GetTempPath(), $"edgestation-holidays-{Guid.NewGuid():N}.csv");
        File.WriteAllText(holidays, "date,kind,festival\n2027-01-01,holiday,元旦\n");
        try
        {
            _ = command switch
            {
                "records add" => _station.AddDispute(),
                "users add" => AddUser(),
                "holidays import" => _station.Ok("holidays", "import", holidays),
                _ => _station.Ok("demo", "--no-serve"),
            };
        }
        finally
        {
            File.Delete(holidays);
        }

        AssertOwnerOnly(_station.DataDir, "station.db", "station.journal", "station.lock");
    }

    [Fact]
    public async Task Regression_the_service_created_its_database_journal_and_run_files_so_every_account_could_read_them()
    {
        Directory.Delete(_station.DataDir);
        await using var service = new ServingCli(_station, "run", "--urls", "http://127.0.0.1:0");
        await ServingAsync(service);

        var id = _station.AddDispute(); // through the service: it writes the journal and LiteDB's log
        Assert.StartsWith("DS-", id, StringComparison.Ordinal);
        _station.Ok("indicators"); // through the service too: it builds the record summaries and saves records.summary
        AssertOwnerOnly(_station.DataDir, "station.db", "station-log.db", "station.journal", "station.lock", "records.summary", "run/cli.token", "run/service.json");
        Assert.Equal(0, await service.StopAsync());
        AssertOwnerOnly(_station.DataDir, "station.db", "station.journal", "records.summary");
    }

    [Fact]
    public async Task A_database_left_readable_by_others_is_made_owner_only_when_the_service_starts_and_the_log_says_so()
    {
        _station.AddDispute();
        LeaveOpen();

        await using var service = new ServingCli(_station, "run", "--urls", "http://127.0.0.1:0");
        await ServingAsync(service);

        AssertOwnerOnly(_station.DataDir, "station.db", "station.journal", "station.lock");
        var warning = Assert.Single(service.Err.ToString().Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Contains("data dir 0755 → 0700", warning, StringComparison.Ordinal);
        Assert.Contains("station.db 0644 → 0600", warning, StringComparison.Ordinal);
        Assert.Contains("station.journal 0666 → 0600", warning, StringComparison.Ordinal);
        Assert.Equal(0, await service.StopAsync());
    }

    [Fact]
    public async Task Regression_door_pin_hashes_key_and_logs_left_readable_by_others_were_not_made_owner_only()
    {
        // The door PIN key and hashes, the door event log and camera alerts (with snapshots) came after the list of
        // station files the start repairs, and were left as they were found.
        _station.AddDispute();
        string[] names = ["access.key", "access-pins", "access.db", "camera-alerts.db"];
        foreach (var name in names)
        {
            var path = Path.Combine(_station.DataDir, name);
            File.WriteAllBytes(path, [1, 2, 3]);
            File.SetUnixFileMode(path, Open);
        }

        await using var service = new ServingCli(_station, "run", "--urls", "http://127.0.0.1:0");
        await ServingAsync(service);

        foreach (var name in names)
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(_station.DataDir, name)));
            Assert.Contains($"{name} 0644 → 0600", service.Err.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await service.StopAsync());
    }

    [Fact]
    public void A_database_left_readable_by_others_is_made_owner_only_by_the_next_write_command()
    {
        _station.AddDispute();
        LeaveOpen();

        var r = _station.Run("records", "add", "case", "--kind", "criminal");

        Assert.Equal(0, r.Exit);
        Assert.Contains("station.db 0644 → 0600", r.Err, StringComparison.Ordinal);
        AssertOwnerOnly(_station.DataDir, "station.db", "station.journal", "station.lock");
        var again = _station.Run("records", "add", "case", "--kind", "criminal");
        Assert.Equal(0, again.Exit); // a write that ran, so its silence about modes means something
        Assert.DoesNotContain("warning", again.Err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_database_that_cannot_be_made_owner_only_refuses_the_write_with_exit_3_and_says_how_to_fix_it()
    {
        Skip.If(Environment.UserName != "root", "an immutable file (chattr +i), the one chmod that fails for root, needs root");
        _station.AddDispute();
        var db = _station.DbPath;
        File.SetUnixFileMode(db, Open);
        var before = File.ReadAllBytes(db);
        Chattr("+i", db); // even root cannot chmod it now, as a user who does not own it could not
        try
        {
            var r = _station.Run("records", "add", "case", "--kind", "criminal");

            Assert.Equal(3, r.Exit);
            Assert.Contains($"{db} is open to other users (mode 0644) and cannot be made owner-only", r.Err, StringComparison.Ordinal);
            Assert.Contains($"chmod 0600 {db}", r.Err, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(db));
        }
        finally
        {
            Chattr("-i", db);
        }
    }

    private string AddUser()
    {
        _station.Input = "Xq7!mRw2kZ\n";
        return _station.Ok("users", "add", "--role", "admin", "--password-stdin", "wangfang");
    }

    /// <summary>What an older version, or a root shell's umask 022, left behind.</summary>
    private void LeaveOpen()
    {
        File.SetUnixFileMode(_station.DataDir, OwnerOnlyDir | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(_station.DbPath, Open);
        File.SetUnixFileMode(Path.Combine(_station.DataDir, "station.journal"), Open | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
    }

    private static async Task ServingAsync(ServingCli service)
    {
        var serving = service.Err.WaitForLine(l => l.Contains(": serving ", StringComparison.Ordinal));
        var first = await Task.WhenAny(serving, service.Exit).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(first == serving, $"run exited before serving: {service.Err}"); // run/ is written before that line
    }

    /// <summary>The data dir is 0700, every folder in it 0700 and every file 0600; <paramref name="expected"/> exist.</summary>
    private static void AssertOwnerOnly(string dataDir, params string[] expected)
    {
        foreach (var name in expected)
        {
            Assert.True(File.Exists(Path.Combine(dataDir, name)), $"{name} was not written");
        }
        var wrong = new List<string>();
        Check(dataDir, OwnerOnlyDir);
        foreach (var dir in Directory.EnumerateDirectories(dataDir, "*", SearchOption.AllDirectories))
        {
            Check(dir, OwnerOnlyDir);
        }
        foreach (var file in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories))
        {
            Check(file, OwnerOnlyFile);
        }
        Assert.True(wrong.Count == 0, "not owner-only: " + string.Join(", ", wrong));

        void Check(string path, UnixFileMode want)
        {
            var mode = File.GetUnixFileMode(path);
            if (mode != want)
            {
                wrong.Add($"{Path.GetRelativePath(dataDir, path)} {Convert.ToString((int)mode, 8)}");
            }
        }
    }

    private static void Chattr(string flag, string path)
    {
        using var p = Process.Start("chattr", [flag, path])!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
