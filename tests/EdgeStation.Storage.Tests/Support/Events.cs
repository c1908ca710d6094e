using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Storage.Tests.Support;

/// <summary>Builds realistic events and chains for storage tests.</summary>
public static class Events
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
    public static readonly RecordCommands Commands = new(new StationSettings());

    public static RecordEvent Dispute(string id, int n = 0, string summary = "邻里因宅基地边界发生争执") =>
        Commands.Create(RecordType.Dispute, id, new Dictionary<string, string>
        {
            [FieldKeys.Category] = "neighbours",
            [FieldKeys.Parties] = (2 + (n % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [FieldKeys.Summary] = summary,
        }, "test", T0.AddMinutes(n), _ => null);

    /// <summary>A valid chain of n sealed entries (pure, no database).</summary>
    public static List<LedgerEntry> Chain(int n)
    {
        var list = new List<LedgerEntry>(n);
        var prev = LedgerHasher.GenesisHash;
        for (var i = 1; i <= n; i++)
        {
            var e = Dispute($"DS-2026-{i:D4}", i, $"摘要 {i} \"quoted\" \\ line\nnext");
            var entry = LedgerHasher.Seal(i, e.RecordId, RecordEventCodec.Encode(e), prev);
            list.Add(entry);
            prev = entry.Hash;
        }
        return list;
    }

    public static Func<ILedgerView, RecordEvent?> NewDispute(int n = 0) =>
        view => Dispute(view.NextRecordId(RecordType.Dispute, 2026), n);
}
