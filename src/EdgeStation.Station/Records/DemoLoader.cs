using EdgeStation.Domain.Demo;
using EdgeStation.Domain.Records;
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
        var ids = new Dictionary<int, string>(); // step number of the create → allocated id
        IEnumerable<Func<ILedgerView, RecordEvent?>> Builders()
        {
            foreach (var step in steps)
            {
                yield return view =>
                {
                    if (step.Action is null)
                    {
                        var raw = step.RepeatOf is { } earlier
                            ? new Dictionary<string, string>(step.Fields) { [FieldKeys.RepeatOf] = ids[earlier] }
                            : step.Fields;
                        var id = view.NextRecordId(step.Type, commands.Time.LocalDate(step.At).Year);
                        ids[step.CreatedBy] = id;
                        return commands.Create(step.Type, id, raw, step.Actor, step.At, view.Find);
                    }
                    return commands.Transition(view.Find(ids[step.CreatedBy])!, step.Action, step.Input, step.Actor, step.At);
                };
            }
        }
        service.Store.AppendMany(Builders());
    }
}
