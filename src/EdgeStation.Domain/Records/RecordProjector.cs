namespace EdgeStation.Domain.Records;

/// <summary>Folds ledger events into the current state of a record. The same fold rebuilds every projection.</summary>
public static class RecordProjector
{
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
            return new RecordSnapshot
            {
                Id = e.RecordId,
                Type = type,
                Fields = new SortedDictionary<string, FieldValue>(e.Fields, StringComparer.Ordinal),
                CreatedSeq = seq,
                LastSeq = seq,
                CreatedAt = e.At,
                UpdatedAt = e.At,
            };
        }
        if (current is null)
        {
            throw new InvalidOperationException($"entry {seq} changes {e.RecordId}, which does not exist");
        }
        foreach (var (k, v) in e.Fields)
        {
            current.Fields[k] = v;
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
