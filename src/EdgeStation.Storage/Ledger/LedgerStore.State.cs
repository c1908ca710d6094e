using EdgeStation.Domain.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Records;
using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The stored state proven on open (issue 14): the writer keeps a <see cref="StateDigest"/> of the records, accounts and
/// counters beside the head, in the same transaction as the entries; every open recomputes it from the collections
/// and compares. A store that opened is therefore working from the state its own writer left, and the writer decides
/// each workflow step from it; one that differs is refused (<see cref="StateCheck.Required"/>) until
/// <see cref="RebuildStateAsync"/> re-derives the state from the ledger.
/// </summary>
public sealed partial class LedgerStore
{
    internal const string StateCollection = "state";
    private const string StateId = "state";

    private ILiteCollection<BsonDocument> _state;
    private StateDigest _digest = new(); // applier thread (the open and a retry's replay while it waits): the digest of the committed state

    /// <summary>Null when the stored state is the one the writer left; otherwise what is wrong, in words (opened with <see cref="StateCheck.Report"/>).</summary>
    public string? StateProblem { get; private set; }

    /// <summary>How the state was proven on open: "digest", "derived" (a database from before the digest, checked against the ledger), or "empty".</summary>
    public string? StateProof { get; private set; }

    /// <summary>Runs on open, before any journal replay: recomputes the digest and compares it with the one stored beside the head.</summary>
    private void ProveState(StateCheck check, bool writable)
    {
        var (recomputed, problem, proof) = ReadStored(() => CheckStoredState(writable));
        _digest = recomputed;
        StateProof = proof;
        StateProblem = problem;
        if (problem is not null && check == StateCheck.Required)
        {
            throw new StateDisagreesException(
                $"{Path.Combine(DataDir, FileName)}: the stored state disagrees with the ledger ({problem}). Nothing was read from it or written to it. " +
                "'edgestation records verify' names each record, account or counter that differs; with the service stopped, " +
                "'edgestation records rebuild' re-derives them from the ledger (the chain itself must verify) and logs that it did.");
        }
    }

    private (StateDigest Digest, string? Problem, string Proof) CheckStoredState(bool writable)
    {
        var recomputed = Recompute(alone: true);
        var stored = _state.FindById(StateId);
        if (stored is null)
        {
            if (_head.Seq == 0)
            {
                return (recomputed, recomputed.DifferingParts(new StateDigest()) is { Count: > 0 } parts
                    ? $"the ledger is empty but the {string.Join(", ", parts)} collection holds data"
                    : null, "empty");
            }
            // Written before the digest existed (or the digest was deleted): prove the state the long way, once.
            var derived = DerivedState.Fold(Entries());
            var differences = DerivedStateVerifier.Compare(this, derived, includeSummaryFile: false);
            if (differences.Count > 0)
            {
                return (recomputed, $"{differences.Count} difference(s) from the state the ledger implies, first: {differences[0]}", "derived");
            }
            if (writable)
            {
                _state.Upsert(recomputed.ToBson(StateId, _head.Seq, _head.Hash));
            }
            return (recomputed, null, "derived");
        }
        if (StateDigest.FromBson(stored) is not { } kept
            || !stored.TryGetValue("seq", out var seq) || !seq.IsInt64
            || !stored.TryGetValue("hash", out var hash) || !hash.IsString)
        {
            return (recomputed, "the state digest kept beside the head is unreadable", "digest");
        }
        if (seq.AsInt64 != _head.Seq || hash.AsString != _head.Hash)
        {
            return (recomputed, $"the state digest was kept for entry {seq.AsInt64} but the ledger ends at entry {_head.Seq}", "digest");
        }
        return recomputed.DifferingParts(kept) is { Count: > 0 } differ
            ? (recomputed, $"the {string.Join(" and ", differ)} stored differ from what the ledger's writer left", "digest")
            : (recomputed, null, "digest");
    }

    /// <summary>
    /// The digest of the collections as they stand (one pass over each). <paramref name="alone"/>: the open, before the
    /// writer starts, may page with fresh instances (<see cref="ScanPaged"/>); the writer, inside its transaction and
    /// beside readers, must read through the instance it writes.
    /// </summary>
    private StateDigest Recompute(bool alone)
    {
        var digest = new StateDigest();
        foreach (var doc in alone ? ScanPaged() : _records.FindAll())
        {
            digest.ToggleRecord(doc);
        }
        foreach (var doc in _counters.FindAll())
        {
            digest.ToggleCounter(doc);
        }
        ToggleUsers(digest);
        return digest;
    }

    // The users part is read whole (a handful of accounts): account entries write the collection from their builder.
    private void ToggleUsers(StateDigest digest)
    {
        foreach (var doc in _db.GetCollection(UserStore.CollectionName).FindAll())
        {
            digest.ToggleUser(doc);
        }
    }

    /// <summary>Inside the batch's transaction: the projection's writes, with <paramref name="digest"/> kept in step (returned).</summary>
    private StateDigest SaveProjection(BatchView view, StateDigest digest)
    {
        if (view.Rebuild is { } derived)
        {
            digest = ReplaceProjection(derived);
        }
        else
        {
            foreach (var snapshot in view.Changed.Values)
            {
                var doc = SnapshotBson.ToBson(snapshot);
                // The writer read each changed record while building (a replay did too): LiteDB still holds that version.
                var old = view.Applied.TryGetValue(snapshot.Id, out var read) ? read : _records.FindById(snapshot.Id);
                if (old is null)
                {
                    _records.Insert(doc);
                }
                else
                {
                    digest.ToggleRecord(old);
                    _records.Update(doc);
                }
                digest.ToggleRecord(doc);
            }
            foreach (var (key, n) in view.Counters)
            {
                var doc = new BsonDocument { ["_id"] = key, ["n"] = n };
                if (_counters.FindById(key) is { } old)
                {
                    digest.ToggleCounter(old);
                }
                _counters.Upsert(doc);
                digest.ToggleCounter(doc);
            }
            if (view.AccountsChanged)
            {
                // Account entries write the users collection from their builder (Accounts/UserStore): read back what they left.
                digest.ClearUsers();
                ToggleUsers(digest);
            }
        }
        _state.Upsert(digest.ToBson(StateId, view.Head.Seq, view.Head.Hash));
        return digest;
    }

    /// <summary>
    /// Re-derives the records, accounts and counters from the ledger and stores them in place of what is stored, with a
    /// fresh digest, in one transaction together with a ledger entry saying who did it and what differed. For a store
    /// opened with <see cref="StateCheck.Report"/> by `records rebuild`; the chain is verified before (the caller).
    /// </summary>
    public Task<AppendResult?> RebuildStateAsync(string actor, DateTimeOffset at) =>
        AppendAsync(view =>
        {
            var batch = (BatchView)view;
            var derived = DerivedState.Fold(Entries());
            if (derived.Problems.Count > 0)
            {
                throw new InvalidOperationException($"the ledger's history cannot be folded ({derived.Problems[0]}); nothing was rebuilt");
            }
            var differences = DerivedStateVerifier.Compare(this, derived, includeSummaryFile: false);
            batch.Rebuild = derived;
            return new RecordEvent
            {
                Type = RecordEvent.StateType,
                RecordId = RecordEvent.StateRecordId,
                Action = RecordEvent.RebuildAction,
                Actor = actor,
                At = RecordEvent.Truncate(at),
                Fields = new(StringComparer.Ordinal)
                {
                    ["differences"] = FieldValue.Of(differences.Count),
                    ["records"] = FieldValue.Of(derived.Records.Count),
                    ["accounts"] = FieldValue.Of(derived.Accounts.Count),
                    ["counters"] = FieldValue.Of(derived.Counters.Count),
                },
                Note = StateProblem is { } problem ? FreeTextNote(problem) : null,
            };
        }, rebuild: true);

    // The finding in the entry's note, within the note's rules (length cap, no control characters).
    private static string FreeTextNote(string text)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return clean.Length <= 500 ? clean : clean[..500];
    }

    private StateDigest ReplaceProjection(DerivedState derived)
    {
        foreach (var id in _records.FindAll().Select(d => d["_id"]).ToList())
        {
            if (!id.IsString || !derived.Records.ContainsKey(id.AsString))
            {
                _records.Delete(id);
            }
        }
        foreach (var snapshot in derived.Records.Values)
        {
            _records.Upsert(SnapshotBson.ToBson(snapshot));
        }
        _counters.DeleteAll();
        foreach (var (key, n) in derived.Counters)
        {
            _counters.Insert(new BsonDocument { ["_id"] = key, ["n"] = n });
        }
        var users = _db.GetCollection(UserStore.CollectionName);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in users.FindAll().ToList())
        {
            var id = doc["_id"];
            if (!id.IsString || !derived.Accounts.TryGetValue(id.AsString, out var account))
            {
                users.Delete(id);
                continue;
            }
            stored.Add(account.Name);
            doc["role"] = account.Role;
            doc["grids"] = new BsonArray(account.Grids.Select(g => new BsonValue(g)));
            doc["disabled"] = account.Disabled;
            users.Update(doc);
        }
        foreach (var account in derived.Accounts.Values.Where(a => !stored.Contains(a.Name)))
        {
            // The ledger never holds a password hash: the account comes back without one and cannot log in until
            // an admin sets a password (`users passwd`), which `records rebuild` says.
            users.Insert(new BsonDocument
            {
                ["_id"] = account.Name,
                ["role"] = account.Role,
                ["grids"] = new BsonArray(account.Grids.Select(g => new BsonValue(g))),
                ["hash"] = "",
                ["createdAt"] = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                ["disabled"] = account.Disabled,
                ["failedLogins"] = 0,
            });
        }
        return Recompute(alone: false); // a page of ScanPaged would replace the instance under this transaction
    }

    /// <summary>Applier thread, after a rebuild committed: the state is proven again; the summaries are derived anew.</summary>
    private void AfterRebuild()
    {
        StateProblem = null;
        StateProof = "rebuilt";
        lock (_summaryLock)
        {
            _summaryIndex = null;
            _summaries = null;
        }
        try
        {
            File.Delete(Path.Combine(DataDir, RecordSummaryFile.FileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Its head no longer names the last entry, so the next load rebuilds the summaries anyway.
        }
    }
}
