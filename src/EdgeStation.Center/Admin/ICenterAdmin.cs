using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Admin;

/// <summary>The administrator's operations, whether the center is stopped (direct) or running (through it).</summary>
public interface ICenterAdmin
{
    EnrollResult Enroll(string id, string name, Uri endpoint);
    bool Revoke(string id);
    IReadOnlyList<StationView> Stations(TimeSpan? staleAfter = null);
    IReadOnlyList<AlertRow> Alerts(bool includeResolved);
    AlertRow? Resolve(long alertId, string by);
    AnchorCheck CheckAnchor(string stationId, ulong seq, string hashHex);
}
