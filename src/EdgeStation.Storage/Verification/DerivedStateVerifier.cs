using EdgeStation.Domain.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Records;
using LiteDB;

namespace EdgeStation.Storage.Verification;

/// <summary>
/// Compares what station.db stores for people to read (the <c>records</c>, <c>users</c> and <c>counters</c>
/// collections, and the records.summary file) with the <see cref="DerivedState"/> the ledger implies, naming each
/// record, account or counter and field that differs. The chain proves the entries; this proves what is shown.
/// </summary>
public static class DerivedStateVerifier
{
    // Values short and impersonal enough to print; any other field is named without its value (privacy).
    private static readonly HashSet<string> ShownKeys = new(StringComparer.Ordinal)
    {
        "type", "status", "voided", "createdSeq", "lastSeq", "amendments", "createdAt", "updatedAt", "reportedAtMs", "occurredAtMs",
        "role", "grids", "disabled", "n",
        "fields." + FieldKeys.Status, "fields." + FieldKeys.Risk, "fields." + FieldKeys.Level, "fields." + FieldKeys.Satisfaction,
        "fields." + FieldKeys.Category, "fields." + FieldKeys.Parties, "fields." + FieldKeys.Persons, "fields." + FieldKeys.Grid,
    };

    /// <param name="includeSummaryFile">Also compare records.summary (verify does; the open-time proof and rebuild do not: the
    /// summaries are derived again whenever the file does not match).</param>
    public static List<StateDifference> Compare(LedgerStore store, DerivedState derived, bool includeSummaryFile = true)
    {
        var differences = derived.Problems.Select(p => new StateDifference("ledger", "history", p)).ToList();
        CompareRecords(store, derived, differences);
        CompareAccounts(store, derived, differences);
        CompareCounters(store, derived, differences);
        if (includeSummaryFile)
        {
            CompareSummaries(store, derived, differences);
        }
        return differences;
    }

    private static void CompareRecords(LedgerStore store, DerivedState derived, List<StateDifference> differences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in store.StoredRecordDocuments())
        {
            var id = doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString();
            seen.Add(id);
            if (!derived.Records.TryGetValue(id, out var expected))
            {
                differences.Add(new(id, "record", "is in the records collection but no ledger entry created it"));
                continue;
            }
            CompareDocuments(id, "", SnapshotBson.ToBson(expected), doc, differences);
        }
        foreach (var (id, r) in derived.Records)
        {
            if (!seen.Contains(id))
            {
                differences.Add(new(id, "record", $"was created by ledger entry {r.CreatedSeq} but is missing from the records collection"));
            }
        }
    }

    private static void CompareAccounts(LedgerStore store, DerivedState derived, List<StateDifference> differences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in store.StoredDocuments(UserStore.CollectionName))
        {
            var name = doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString();
            var subject = "account " + name;
            seen.Add(name);
            if (!derived.Accounts.TryGetValue(name, out var expected))
            {
                differences.Add(new(subject, "account", "is in the users collection but the ledger never added it (or removed it)"));
                continue;
            }
            var wanted = new BsonDocument
            {
                ["role"] = expected.Role,
                ["grids"] = new BsonArray(expected.Grids.Select(g => new BsonValue(g))),
                ["disabled"] = expected.Disabled,
            };
            foreach (var key in wanted.Keys)
            {
                var actual = doc.TryGetValue(key, out var v) ? v : BsonValue.Null;
                if (!wanted[key].Equals(actual))
                {
                    differences.Add(new(subject, key, Describe(key, wanted[key], actual)));
                }
            }
        }
        foreach (var name in derived.Accounts.Keys.Where(n => !seen.Contains(n)))
        {
            differences.Add(new("account " + name, "account", "was added in the ledger but is missing from the users collection"));
        }
    }

    private static void CompareCounters(LedgerStore store, DerivedState derived, List<StateDifference> differences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in store.StoredCounterDocuments())
        {
            var key = doc["_id"].IsString ? doc["_id"].AsString : doc["_id"].ToString();
            seen.Add(key);
            var stored = doc.TryGetValue("n", out var n) && n.IsNumber ? n.AsInt64 : -1;
            var last = derived.Counters.GetValueOrDefault(key);
            if (stored != last)
            {
                differences.Add(new("counter " + key, "n", stored < last
                    ? $"stored {stored}, but {key}-{last:D4} was created: the next record would reuse a number"
                    : $"stored {stored}, but the last {key} record created is number {last}: the next number would leave a gap"));
            }
        }
        foreach (var (key, last) in derived.Counters.Where(c => !seen.Contains(c.Key)))
        {
            differences.Add(new("counter " + key, "n", $"missing, but {key}-{last:D4} was created: the next record would reuse a number"));
        }
    }

    /// <summary>
    /// records.summary feeds the indicators and the kiosk lists. A file the store would use (its head is an entry
    /// of this ledger) must hold, for every record unchanged since that head, the summary of the ledger's state.
    /// </summary>
    private static void CompareSummaries(LedgerStore store, DerivedState derived, List<StateDifference> differences)
    {
        if (RecordSummaryFile.TryLoad(store.DataDir) is not { } saved || !store.IsEntryOf(saved.Head))
        {
            return; // none, unreadable or foreign: the store rebuilds it from the records
        }
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in saved.Summaries)
        {
            inFile.Add(s.Id);
            if (!derived.Records.TryGetValue(s.Id, out var r) || r.CreatedSeq > saved.Head.Seq)
            {
                differences.Add(new(s.Id, "summary", $"is in {RecordSummaryFile.FileName} but the ledger up to entry {saved.Head.Seq} never created it"));
            }
            else if (r.LastSeq <= saved.Head.Seq && !s.SameAs(RecordSummary.From(r)))
            {
                differences.Add(new(s.Id, "summary", $"differs in {RecordSummaryFile.FileName} from the ledger's state ({SummaryField(s, RecordSummary.From(r))})"));
            }
        }
        foreach (var r in derived.Records.Values.Where(r => r.CreatedSeq <= saved.Head.Seq && !inFile.Contains(r.Id)))
        {
            differences.Add(new(r.Id, "summary", $"is missing from {RecordSummaryFile.FileName}"));
        }
    }

    private static string SummaryField(RecordSummary stored, RecordSummary expected) =>
        stored.Status != expected.Status ? $"status '{stored.Status}', the ledger says '{expected.Status}'"
        : stored.Voided != expected.Voided ? "voided"
        : stored.Type != expected.Type ? "type"
        : stored.LastSeq != expected.LastSeq ? "lastSeq"
        : stored.ReportedAtMs != expected.ReportedAtMs || stored.OccurredAtMs != expected.OccurredAtMs ? "times"
        : !stored.Marks.SequenceEqual(expected.Marks) ? "marks"
        : "fields";

    private static void CompareDocuments(string subject, string prefix, BsonDocument expected, BsonDocument actual, List<StateDifference> differences)
    {
        foreach (var key in expected.Keys.Union(actual.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var path = prefix + key;
            var want = expected.TryGetValue(key, out var w) ? w : null;
            var have = actual.TryGetValue(key, out var h) ? h : null;
            if (want is { IsDocument: true } && have is { IsDocument: true } && prefix.Length == 0)
            {
                CompareDocuments(subject, path + ".", want.AsDocument, have.AsDocument, differences);
            }
            else if (want is null)
            {
                differences.Add(new(subject, path, "is stored, but the ledger has no such field"));
            }
            else if (have is null)
            {
                differences.Add(new(subject, path, "is missing from what is stored"));
            }
            else if (!want.Equals(have))
            {
                differences.Add(new(subject, path, Describe(path, want, have)));
            }
        }
    }

    private static string Describe(string path, BsonValue want, BsonValue have) =>
        ShownKeys.Contains(path) && Short(want) is { } w && Short(have) is { } h
            ? $"stored {h}, the ledger says {w}"
            : "the stored value differs from the ledger's";

    private static string? Short(BsonValue v)
    {
        var text = v.IsString ? $"'{v.AsString}'" : v.ToString();
        return text.Length <= 60 && !text.Any(char.IsControl) ? text : null;
    }
}
