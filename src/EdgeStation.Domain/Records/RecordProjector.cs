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
                // It came in at that level: dated by its receipt, not by when it was typed in.
                created.Marks[LevelMark(level.Text!)] = created.Instant(FieldKeys.ReceivedAt) ?? created.OccurredAt;
            }
            return created;
        }
        if (current is null)
        {
            throw new InvalidOperationException($"entry {seq} changes {e.RecordId}, which does not exist");
        }
        var happened = EffectiveAt(e);
        foreach (var (k, v) in e.Fields)
        {
            if (k != FieldKeys.EffectiveAt) // belongs to the step, not to the record
            {
                current.Fields[k] = v;
            }
        }
        current.PrimeTimes(null, null); // an amendment may have moved them
        if (e.Fields.TryGetValue(FieldKeys.Level, out var reached))
        {
            // When each level was first reached: "escalated" is dated by the step that crossed the line.
            current.Marks.TryAdd(LevelMark(reached.Text!), happened);
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
                current.Marks.TryAdd(e.Action, happened);
                break;
        }
        current.LastSeq = seq;
        current.UpdatedAt = e.At;
        return current;
    }

    /// <summary>When the step happened: its effective time if it was recorded later, else when it was recorded.</summary>
    public static DateTimeOffset EffectiveAt(RecordEvent e) =>
        e.Fields.TryGetValue(FieldKeys.EffectiveAt, out var v) && !v.IsNumber
            && DateTimeOffset.TryParseExact(v.Text, FieldParser.InstantFormat, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : e.At;
}
