using System.Globalization;
using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The one place that formats and parses record ids: "DS-2026-0042" is the 42nd dispute of 2026. The counter key
/// ("DS-2026") names a document of the <c>counters</c> collection holding the last number handed out.
/// </summary>
internal static class RecordIdAllocator
{
    public static string CounterKey(RecordType type, int year) =>
        $"{RecordTypeNames.IdPrefix(type)}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Format(string counterKey, long n) => $"{counterKey}-{n.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>"DS-2026-0007" → ("DS-2026", 7); false for an id of another form (station, user and calendar entries).</summary>
    public static bool TryParse(string recordId, out string counterKey, out long n)
    {
        var last = recordId.LastIndexOf('-');
        var first = recordId.IndexOf('-');
        if (first > 0 && last > first + 1 && recordId.IndexOf('-', first + 1) == last
            && long.TryParse(recordId.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            counterKey = recordId[..last];
            return true;
        }
        counterKey = "";
        n = 0;
        return false;
    }
}
