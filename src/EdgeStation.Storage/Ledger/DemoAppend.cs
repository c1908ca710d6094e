using EdgeStation.Domain.Demo;
using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Turns generated demo steps into ledger appends (seed-demo, the benchmarks' data, tests). Ids are allocated
/// on the writer thread, so a step's record id, and the ids later steps refer to (actions, repeat petitions),
/// are the ones the ledger actually gave.
/// </summary>
public static class DemoAppend
{
    /// <param name="ids">The id each create step got, by its step number; shared by the builders of one load.</param>
    public static Func<ILedgerView, RecordEvent?> Builder(RecordCommands commands, DemoStep step, Dictionary<int, string> ids) => view =>
    {
        if (step.Action is null)
        {
            var raw = step.RepeatOf is { } earlier && ids.TryGetValue(earlier, out var earlierId)
                ? new Dictionary<string, string>(step.Fields, StringComparer.Ordinal) { [FieldKeys.RepeatOf] = earlierId }
                : step.Fields;
            var id = view.NextRecordId(step.Type, commands.Time.LocalDate(step.At).Year);
            ids[step.CreatedBy] = id;
            return commands.Create(step.Type, id, raw, step.Actor, step.At, view.Find);
        }
        return commands.Transition(view.Find(ids[step.CreatedBy])!, step.Action, step.Input, step.Actor, step.At);
    };

    /// <summary>Builders for every step, in order.</summary>
    public static IEnumerable<Func<ILedgerView, RecordEvent?>> Builders(RecordCommands commands, IEnumerable<DemoStep> steps)
    {
        var ids = new Dictionary<int, string>();
        return steps.Select(step => Builder(commands, step, ids));
    }
}
