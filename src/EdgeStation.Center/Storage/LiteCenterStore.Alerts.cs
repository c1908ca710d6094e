using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    /// <summary>Open alerts (or all, with <paramref name="includeResolved"/>), oldest first.</summary>
    public IReadOnlyList<AlertRow> AlertList(bool includeResolved = false, string? stationId = null)
    {
        return Locked(() =>
        {
            var query = includeResolved ? _alerts.FindAll() : _alerts.Find(Query.EQ("open", true));
            return (IReadOnlyList<AlertRow>)[.. query.Select(ToAlert).Where(a => stationId is null || a.StationId == stationId).OrderBy(a => a.Id)];
        });
    }

    /// <summary>Whether the same alert is already open: a station that keeps re-sending the same fault raises it once.</summary>
    public bool HasOpenAlert(string stationId, ulong seq, AlertKind kind) => Locked(() =>
        _alerts.Exists(Query.And(Query.EQ("stationId", stationId), Query.EQ("seq", (long)seq), Query.EQ("kind", kind.ToString()), Query.EQ("open", true))));

    /// <summary>Inside an ingest transaction: a new open alert.</summary>
    public AlertRow RaiseAlert(string stationId, ulong seq, AlertKind kind, string message, DateTimeOffset at)
    {
        var id = _alerts.Insert(new BsonDocument
        {
            ["stationId"] = stationId,
            ["seq"] = (long)seq,
            ["kind"] = kind.ToString(),
            ["message"] = message,
            ["raisedAt"] = Ms(at),
            ["open"] = true,
            ["resolvedAt"] = BsonValue.Null,
            ["resolvedBy"] = BsonValue.Null,
        });
        return new AlertRow(id.AsInt64, stationId, seq, kind, message, at);
    }

    /// <summary>Marks an alert resolved by an admin; null when there is no such alert.</summary>
    public AlertRow? ResolveAlert(long id, string by, DateTimeOffset at) => InTransaction(() =>
    {
        if (_alerts.FindById(id) is not { } d)
        {
            return null;
        }
        if (d["open"].AsBoolean)
        {
            d["open"] = false;
            d["resolvedAt"] = Ms(at);
            d["resolvedBy"] = by;
            _alerts.Update(d);
        }
        return ToAlert(d);
    });

    private static AlertRow ToAlert(BsonDocument d) =>
        new(d["_id"].AsInt64, d["stationId"].AsString, (ulong)d["seq"].AsInt64, Enum.Parse<AlertKind>(d["kind"].AsString), d["message"].AsString, At(d["raisedAt"]))
        {
            ResolvedAt = AtOrNull(d["resolvedAt"]),
            ResolvedBy = d["resolvedBy"].IsNull ? null : d["resolvedBy"].AsString,
        };
}
