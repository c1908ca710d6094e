using EdgeStation.Domain.Demo;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Records;

/// <summary>Appends a generated demo year to an empty ledger, in group-committed batches.</summary>
public static class DemoLoader
{
    public static void Seed(RecordService service, string village, int year, DateTimeOffset now)
    {
        var steps = DemoSeeder.Generate(village, year, now, service.Config.Settings);
        var commands = service.Commands;
        var startDate = new DateOnly(year, 1, 1);
        service.EnsureStation("demo", commands.Time.StartOfDay(startDate), startDate, village);
        service.Store.AppendMany(DemoAppend.Builders(commands, steps));
    }
}
