using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Storage.Verification;

/// <summary>
/// Everything people read that the ledger alone implies: each record's state (the <see cref="RecordProjector"/>
/// fold), each account's role, grids and disabled flag (the fold of the "user" entries), and each id counter (the
/// highest number created per type and year). Built from entries only, so it is the yardstick for what is stored.
/// </summary>
public sealed class DerivedState
{
    public Dictionary<string, RecordSnapshot> Records { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DerivedAccount> Accounts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    public LedgerHead Head { get; private set; } = LedgerHead.Empty;

    /// <summary>Entries the fold could not apply (a workflow-impossible history): the ledger itself is inconsistent.</summary>
    public List<string> Problems { get; } = [];

    public static DerivedState Fold(IEnumerable<LedgerEntry> entries)
    {
        var state = new DerivedState();
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }
        return state;
    }

    public void Apply(LedgerEntry entry)
    {
        Head = new LedgerHead(entry.Seq, entry.Hash);
        RecordEvent e;
        try
        {
            e = RecordEventCodec.Decode(entry.Content);
        }
        catch (FormatException ex)
        {
            Problems.Add($"entry {entry.Seq}: {ex.Message}");
            return;
        }
        try
        {
            if (e.Type == RecordEvent.UserType)
            {
                ApplyAccount(entry.Seq, e);
            }
            else if (RecordEvent.IsRecordEntry(e.Type))
            {
                Records.TryGetValue(e.RecordId, out var current);
                Records[e.RecordId] = RecordProjector.Apply(current, e, entry.Seq);
                if (e.Action == RecordEvent.Create && CounterOf(e.RecordId) is { } c)
                {
                    Counters[c.Key] = Math.Max(Counters.GetValueOrDefault(c.Key), c.N);
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            Problems.Add(ex.Message);
        }
    }

    /// <summary>"DS-2026-0007" → ("DS-2026", 7); null for an id of another form.</summary>
    public static (string Key, long N)? CounterOf(string recordId) =>
        Ledger.RecordIdAllocator.TryParse(recordId, out var key, out var n) ? (key, n) : null;

    private void ApplyAccount(long seq, RecordEvent e)
    {
        var name = e.RecordId.StartsWith("user:", StringComparison.Ordinal) ? e.RecordId[5..] : e.RecordId;
        Accounts.TryGetValue(name, out var current);
        if (e.Action == UserCommands.AddAction)
        {
            Accounts[name] = new DerivedAccount(name, Role(e, ""), Grids(e), false);
            return;
        }
        if (current is null)
        {
            Problems.Add($"entry {seq} changes account '{name}', which does not exist");
            return;
        }
        switch (e.Action)
        {
            case UserCommands.RemoveAction:
                Accounts.Remove(name);
                break;
            case UserCommands.RoleAction:
                Accounts[name] = current with { Role = Role(e, current.Role), Grids = Grids(e) };
                break;
            case UserCommands.DisableAction:
                Accounts[name] = current with { Disabled = true };
                break;
            case UserCommands.EnableAction:
                Accounts[name] = current with { Disabled = false };
                break;
            default:
                break; // passwd, unlock: nothing the ledger keeps
        }
    }

    private static string Role(RecordEvent e, string fallback) =>
        e.Fields.TryGetValue("role", out var role) ? role.ToString() : fallback;

    private static List<string> Grids(RecordEvent e) =>
        e.Fields.TryGetValue("grids", out var grids) ? [.. grids.ToString().Split(',')] : [];
}
