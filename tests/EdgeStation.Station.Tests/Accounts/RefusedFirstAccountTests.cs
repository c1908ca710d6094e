using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 14 §2: the first account of a fresh station wrote the station's own entry (<c>init</c>) before its input was
/// checked, so a refused one left a ledger of one entry behind. <see cref="AccountService"/> on its own (the command
/// line checks the same input before it opens anything, which would hide the service's order): a refusal writes nothing.
/// </summary>
public sealed class RefusedFirstAccountTests : IDisposable
{
    private const string Secret = "平安村委会2026";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("edgestation-account-").FullName;
    private readonly LedgerStore _store;
    private readonly AccountService _accounts;

    public RefusedFirstAccountTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));
        _store = LedgerStore.Open(_dataDir, time: clock);
        var records = new RecordService(_store, new StationConfig(new StationSettings(), "测试村", null), clock);
        _accounts = new AccountService(records, new UserStore(_store), clock);
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData("wangfang", Role.Admin, "password", "")] // a common secret
    [InlineData("wangfang", Role.Admin, "wangfang2026", "")] // the name in the secret
    [InlineData("w", Role.Admin, Secret, "")] // a name too short
    [InlineData("wangfang", Role.GridWorker, Secret, "")] // a grid worker without a grid
    [InlineData("wangfang", Role.GridWorker, Secret, "grid,1")] // a comma in a grid
    [InlineData("wangfang", Role.Viewer, Secret, "grid-1")] // a grid for a role that has none
    public async Task Regression_a_refused_first_account_wrote_the_station_entry_first(string name, Role role, string secret, string grids)
    {
        string[] gridList = grids.Length == 0 ? [] : [grids];

        await Assert.ThrowsAsync<AccountInputException>(() => _accounts.AddAsync(name, role, gridList, secret, "cli:tester"));

        Assert.Equal(0, _store.Head.Seq);
        Assert.Null(_store.Station());
    }

    [Fact]
    public async Task The_first_accepted_account_follows_the_station_entry()
    {
        await Assert.ThrowsAsync<AccountInputException>(() => _accounts.AddAsync("wangfang", Role.Admin, [], "password", "cli:tester"));

        await _accounts.AddAsync("wangfang", Role.Admin, [], Secret, "cli:tester");

        Assert.Equal(2, _store.Head.Seq);
        Assert.NotNull(_store.Station());
    }
}
