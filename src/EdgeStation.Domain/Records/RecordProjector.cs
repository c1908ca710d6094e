namespace EdgeStation.Domain.Records;

/// <summary>Folds ledger events into the current state of a record. The same fold rebuilds every projection.</summary>
public static class RecordProjector
{
    /// <summary>The mark that records when a petition first reached a level, e.g. "level:county".</summary>
    public static string LevelMark(string level) => "level:" + level;

    public static RecordSnapshot Apply(RecordSnapshot? current, RecordEvent e, long seq)
    {
        if (e.Action == RecordEvent.Create)
        {
            if (current is not null)
            {
                throw new InvalidOperationException($"entry {seq} creates {e.RecordId}, which already exists");
            }
            if (!RecordTypeNames.TryParse(e.Type, out var type))
            {
                throw new InvalidOperationException($"entry {seq} has unknown record type '{e.Type}'");
            }
            var created = new RecordSnapshot
            {
                Id = e.RecordId,
                Type = type,
                Fields = new SortedDictionary<string, FieldValue>(e.Fields, StringComparer.Ordinal),
                CreatedSeq = seq,
                LastSeq = seq,
                CreatedAt = e.At,
                UpdatedAt = e.At,
            };
            if (e.Fields.TryGetValue(FieldKeys.Level, out var level))
            {
                created.Marks[LevelMark(level.Text!)] = created.OccurredAt; // it came in at that level
            }
            return created;
        }
        if (current is null)
        {
            throw new InvalidOperationException($"entry {seq} changes {e.RecordId}, which does not exist");
        }
        foreach (var (k, v) in e.Fields)
        {
            current.Fields[k] = v;
        }
        current.PrimeTimes(null, null); // an amendment may have moved them
        if (e.Fields.TryGetValue(FieldKeys.Level, out var reached))
        {
            // When each level was first reached: "escalated" is dated by the step that crossed the line.
            current.Marks.TryAdd(LevelMark(reached.Text!), e.At);
        }
        switch (e.Action)
        {
            case RecordEvent.Void:
                current.Voided = true;
                current.VoidReason = e.Note;
                break;
            case RecordEvent.Amend:
                current.Amendments++;
                break;
            default:
                current.Marks.TryAdd(e.Action, e.At);
                break;
        }
        current.LastSeq = seq;
        current.UpdatedAt = e.At;
        return current;
    }
}
