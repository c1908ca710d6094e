using LiteDB;

namespace EdgeStation.Storage;

/// <summary>
/// LiteDB instances whose write failed, kept reachable until the process ends. A write the disk refuses leaves its
/// transaction in the engine's transaction list with its dispose half done; once the instance is unreachable, the
/// transaction's finalizer runs that dispose again on the finalizer thread, throws ("discarded page must be writable",
/// LiteDB issue #2574) and ends the process. Kept here, the instance is never disposed again and never finalized. Each
/// caller bounds how many it leaves (the access event log: <c>AccessEventLog.MaxAbandoned</c>, then a restart; the
/// ledger: one per refused commit whose rollback failed, and its retry probes for space before it writes again).
/// </summary>
internal static class AbandonedLiteDb
{
    private static readonly List<LiteDatabase> Kept = [];
    private static readonly Lock Gate = new();

    public static int Count
    {
        get
        {
            lock (Gate)
            {
                return Kept.Count;
            }
        }
    }

    public static void Keep(LiteDatabase db)
    {
        lock (Gate)
        {
            Kept.Add(db);
        }
    }
}
