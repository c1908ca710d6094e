using System.Net;
using System.Text.RegularExpressions;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The record list's filters and pages, and who reads the summaries on the list and home screens.</summary>
public sealed partial class RecordListPageTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _official = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartSeededAsync("杨柳村", 2025);
        _official = await _station.SignedInAsync("official", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private List<string> Ids(string html) => RecordId().Matches(html).Select(m => m.Value).Distinct().ToList();

    [Fact]
    public async Task The_status_filter_lists_exactly_the_records_in_that_status()
    {
        var expected = _station.Store.Records(RecordType.Dispute).Where(r => !r.Voided && r.Status == "resolved").Select(r => r.Id).OrderDescending(StringComparer.Ordinal).Take(200).ToList();

        var html = await _official.GetStringAsync("/records/dispute?status=resolved");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(html));
        Assert.Contains("<option value=\"resolved\" selected", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_risk_filter_combines_with_the_status_filter()
    {
        var expected = _station.Store.Records(RecordType.Dispute)
            .Where(r => !r.Voided && r.Status == "resolved" && r.Text(FieldKeys.Risk) == "green")
            .Select(r => r.Id).OrderDescending(StringComparer.Ordinal).ToList();

        var html = await _official.GetStringAsync("/records/dispute?status=resolved&risk=green");

        Assert.Equal(expected, Ids(html));
        Assert.Contains($"符合条件 {expected.Count} 条", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_two_hundred_records_the_list_has_pages_that_keep_the_filter()
    {
        var service = new RecordService(_station.Store, _station.Config, _station.Clock);
        var fields = new Dictionary<string, string> { ["category"] = "safety-hazard", ["summary"] = "路灯损坏" };
        var batch = Enumerable.Range(0, 210).Select(_ => service.AddAsync(RecordType.GridEvent, fields, "cli:test"));
        await Task.WhenAll(batch);
        var open = _station.Store.Records(RecordType.GridEvent).Where(r => !r.Voided && r.Status == "reported").Select(r => r.Id).OrderDescending(StringComparer.Ordinal).ToList();

        var first = await _official.GetStringAsync("/records/grid-event?status=reported");
        var second = await _official.GetStringAsync("/records/grid-event?status=reported&page=1");

        Assert.Equal(open.Take(200), Ids(first));
        Assert.Equal(open.Skip(200).Take(200), Ids(second));
        Assert.Contains("href=\"/records/grid-event?status=reported&amp;page=1\" id=\"page-next\"", first, StringComparison.Ordinal);
        Assert.Contains("id=\"page-prev\"", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/records/dispute?status=flying")]
    [InlineData("/records/dispute?risk=purple")]
    [InlineData("/records/dispute?page=-1")]
    [InlineData("/records/dispute?page=two")]
    public async Task A_bad_filter_is_a_clear_400(string url)
    {
        var r = await _official.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("must be", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_lists_and_the_due_items_without_their_summaries()
    {
        var viewer = await _station.SignedInAsync("viewer", Role.Viewer);
        var summaries = _station.Store.Records(RecordType.Dispute).Select(r => r.Text(FieldKeys.Summary)).OfType<string>().Where(s => s.Length > 4).Select(s => s[..4]).Distinct().ToList();

        var list = await viewer.GetStringAsync("/records/dispute");
        var home = await viewer.GetStringAsync("/");
        var asOfficial = await _official.GetStringAsync("/records/dispute");

        Assert.NotEmpty(summaries);
        Assert.Contains(summaries, s => asOfficial.Contains(s, StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => list.Contains(s, StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => home.Contains(s, StringComparison.Ordinal));
        Assert.DoesNotContain("/records/dispute/new", list, StringComparison.Ordinal); // and no button it may not use
    }

    [Fact]
    public async Task Home_lists_every_overdue_petition_not_only_the_first_dozen()
    {
        var service = new RecordService(_station.Store, _station.Config, _station.Clock);
        var fields = new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1", ["summary"] = "反映路灯损坏" };
        var added = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => service.AddAsync(RecordType.Petition, fields, "cli:test")));
        _station.Clock.Advance(TimeSpan.FromDays(40)); // all 15 miss their 15-day acceptance deadline
        var official = await _station.SignedInAsync("late-checker", Role.Official); // a new session: the old one idled out

        var home = await official.GetStringAsync("/");
        var overdueRows = Regex.Matches(home, "<tr class=\"overdue\">").Count;

        Assert.All(added, a => Assert.Contains($">{a.Record!.Id}<", home, StringComparison.Ordinal));
        Assert.True(overdueRows >= 15, $"{overdueRows} overdue rows");
    }

    [GeneratedRegex("(DS|PT|GE|CS|LS|CU)-\\d{4}-\\d{4,}")]
    private static partial Regex RecordId();
}
