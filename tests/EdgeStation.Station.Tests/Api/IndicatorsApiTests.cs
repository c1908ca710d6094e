using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Api;

/// <summary>GET /api/indicators is the document `indicators --json` prints, and refuses the days that has no figures for.</summary>
public sealed class IndicatorsApiTests
{
    [Fact]
    public async Task Regression_api_indicators_left_out_the_null_rates()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        var service = new RecordService(station.Store, station.Config, station.Clock);
        service.Add(Domain.Records.RecordType.Dispute, new Dictionary<string, string> { ["category"] = "neighbours", ["parties"] = "2" }, "tester");

        using var cliStation = new TestStation(); // the same record on the same day, read by the CLI
        cliStation.Ok("records", "add", "dispute", "--category", "neighbours", "--parties", "2");

        var api = await http.GetStringAsync("/api/indicators");
        var cli = cliStation.Ok("indicators", "--json");

        Assert.Equal(cli, api);
        Assert.Contains("\"petitionCompletionOnTimeRate\": null", api, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-09")]
    [InlineData("2026-03-11")]
    public async Task Indicators_for_a_day_without_records_is_400(string date)
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);

        var r = await http.GetAsync($"/api/indicators?date={date}");

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (r.StatusCode, r.Content.Headers.ContentType?.MediaType));
    }
}
