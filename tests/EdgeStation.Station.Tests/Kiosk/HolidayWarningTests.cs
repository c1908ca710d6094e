using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The kiosk says so from 1 November while next year's holiday schedule is not loaded.</summary>
public sealed class HolidayWarningTests
{
    [Fact]
    public async Task Home_page_warns_from_1_november_when_next_years_holidays_are_missing()
    {
        await using var station = await ApiStation.StartAsync();
        new RecordService(station.Store, station.Config, station.Clock).EnsureStation("test", station.Clock.GetUtcNow());
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 31, 1, 0, 0, TimeSpan.Zero));
        var october = await (await station.SignedInAsync("official", Role.Official)).GetStringAsync("/");
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));

        var november = await (await station.SignedInAsync("official2", Role.Official)).GetStringAsync("/");

        Assert.DoesNotContain("holiday-warning", october, StringComparison.Ordinal);
        Assert.Contains("尚未导入 2027 年法定节假日安排", november, StringComparison.Ordinal);
    }
}
