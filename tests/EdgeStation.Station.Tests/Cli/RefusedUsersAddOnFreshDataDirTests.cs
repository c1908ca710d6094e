using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 14 §2: nothing is created by a command that fails. `users add` on a data dir that does not exist yet opened
/// (and so created) the folder and station.db before every check had run; a clock that is not set yet was only
/// noticed after that, and left a database behind. A refused first `users add` leaves no folder, no file, no entry.
/// </summary>
public sealed class RefusedUsersAddOnFreshDataDirTests : IDisposable
{
    private const string Secret = "平安村委会2026";
    private TestStation _station = Fresh(new TestStation());

    public void Dispose() => _station.Dispose();

    /// <summary>A fresh station: its data dir is not there yet.</summary>
    private static TestStation Fresh(TestStation station)
    {
        Directory.Delete(station.DataDir);
        return station;
    }

    private CliResult Add(string secret, params string[] args)
    {
        _station.Input = secret + "\n";
        return _station.Run(["users", "add", "--password-stdin", .. args]);
    }

    private void NothingLeftBehind(CliResult r, int exit)
    {
        Assert.True(r.Exit == exit, $"exit {r.Exit}: {r.Err}");
        Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_station.DataDir), "the refused command created the data dir: " +
            string.Join(", ", Directory.Exists(_station.DataDir) ? Directory.GetFileSystemEntries(_station.DataDir) : []));
    }

    [Theory]
    [InlineData("password", "--role", "admin", "wangfang")] // a common secret
    [InlineData("123456", "--role", "admin", "wangfang")] // a sequence
    [InlineData(Secret, "--role", "boss", "wangfang")] // no such role
    [InlineData(Secret, "--role", "grid-worker", "wangfang")] // a grid worker without a grid
    [InlineData(Secret, "--role", "grid-worker", "--grid", "grid,1", "wangfang")] // a comma in a grid
    [InlineData(Secret, "--role", "official", "--grid", "grid-1", "wangfang")] // a grid for a role that has none
    [InlineData(Secret, "--role", "admin", "w")] // a name too short
    [InlineData(Secret, "--role", "admin", "王 芳")] // a name with a space
    [InlineData(Secret, "--role", "admin", "--actor", "user:mallory", "wangfang")] // an actor the CLI may not claim
    public void A_refused_first_users_add_leaves_no_data_dir(string secret, params string[] args)
    {
        NothingLeftBehind(Add(secret, args), exit: 2);
    }

    [Fact]
    public void Regression_a_users_add_refused_for_an_unset_clock_left_a_database_behind()
    {
        _station.Dispose();
        _station = Fresh(new TestStation(new DateTimeOffset(1970, 1, 1, 0, 0, 42, TimeSpan.Zero))); // no RTC, no NTP yet

        var r = Add(Secret, "--role", "admin", "wangfang");

        NothingLeftBehind(r, exit: 3);
        Assert.Contains("nothing was written", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_refusal_the_first_accepted_add_is_entry_2_after_the_station_entry()
    {
        Add("password", "--role", "admin", "wangfang");
        _station.Input = Secret + "\n";

        _station.Ok("users", "add", "--password-stdin", "--role", "admin", "wangfang");

        Assert.StartsWith("2:", _station.Head(), StringComparison.Ordinal); // nothing used up: init is 1, the account 2
    }
}
