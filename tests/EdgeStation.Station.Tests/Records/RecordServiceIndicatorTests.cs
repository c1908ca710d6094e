using System.Text.Json;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Records;

/// <summary>
/// RecordService.Indicators computes from the store's record summaries and keeps the report per ledger head and
/// day: it must give exactly what the calculator gives over the full records read from LiteDB, before and after
/// writes, and after the store is reopened.
/// </summary>
public class RecordServiceIndicatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Indicators_from_the_summaries_equal_a_computation_over_every_full_record()
    {
        var dir = Directory.CreateTempSubdirectory("edgestation-test-").FullName;
        try
        {
            var config = new StationConfig(new StationSettings(), "测试村", null);
            var time = new FakeTimeProvider(Now);
            using (var store = LedgerStore.Open(dir))
            {
                var service = new RecordService(store, config, time);
                DemoLoader.Seed(service, "a", 2025, Now);
                DemoLoader.Seed(service, "b", 2026, Now);
                foreach (var day in new[] { new DateOnly(2026, 11, 20), new DateOnly(2026, 3, 1), new DateOnly(2025, 12, 31) })
                {
                    Assert.Equal(Fresh(service, day), Json(service.Indicators(day)));
                }

                var cached = service.Indicators(null);
                Assert.Same(cached, service.Indicators(null)); // same head, same day: the same report

                var added = service.Add(RecordType.Dispute, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [FieldKeys.Category] = "neighbours",
                    [FieldKeys.Parties] = "2",
                    [FieldKeys.Summary] = "邻里因宅基地边界发生争执",
                }, "cli:test");
                service.Transition(added.Record!.Id, "assess", new Domain.Workflows.TransitionInput { Risk = "red" }, "cli:test");
                service.Void(store.Records(RecordType.Petition).First(r => !r.Voided).Id, "entered twice", "cli:test");

                var after = service.Indicators(null);
                Assert.NotSame(cached, after);
                Assert.Equal(Fresh(service, service.Today()), Json(after));
            }
            using (var reopened = LedgerStore.Open(dir))
            {
                var service = new RecordService(reopened, config, time);
                Assert.Equal(Fresh(service, service.Today()), Json(service.Indicators(null)));
                Assert.Equal("file", reopened.SummariesSource);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Fresh(RecordService service, DateOnly day) =>
        Json(new IndicatorCalculator(service.Config.Settings, HolidayCalendar.Official)
            .Compute(service.Store.Records(), day, service.Store.Station()?.StartDate ?? day));

    private static string Json(IndicatorReport report) => JsonSerializer.Serialize(report);
}
