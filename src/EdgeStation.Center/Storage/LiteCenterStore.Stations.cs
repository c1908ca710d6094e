using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    public StationRow? Station(string id) => Locked(() => _stations.FindById(id) is { } d ? ToStation(d) : null);

    /// <summary>
    /// Every station, from memory while no transaction has committed since the last read: the dashboard, /metrics and
    /// /healthz read all of them on every request, which with 2,000 villages was most of a page's cost.
    /// </summary>
    public IReadOnlyList<StationRow> AllStations() => Locked(() =>
    {
        if (_allStations is { } cached && !_inTransaction)
        {
            return cached;
        }
        IReadOnlyList<StationRow> all = [.. _stations.FindAll().Select(ToStation).OrderBy(s => s.Id, StringComparer.Ordinal)];
        if (!_inTransaction)
        {
            _allStations = all;
        }
        return all;
    });

    /// <summary>Enrolls a station, or re-enrolls it with a new certificate: the old one is retired (refused from now on).</summary>
    public StationRow Enroll(string id, string name, string certificateSerial, DateTimeOffset at) => InTransaction(() =>
    {
        var row = StationRow.Enrolled(Station(id), id, name, certificateSerial, at);
        _stations.Upsert(ToDocument(row));
        return row;
    });

    /// <summary>Revokes the station's certificate; false when no such station is enrolled.</summary>
    public bool Revoke(string id, DateTimeOffset at) => InTransaction(() =>
    {
        if (Station(id) is not { } row)
        {
            return false;
        }
        if (!row.Revoked)
        {
            _stations.Update(ToDocument(row with { RevokedAt = at }));
        }
        return true;
    });

    /// <summary>Inside an ingest transaction: the station after what it just sent.</summary>
    public void SaveStation(StationRow row) => _stations.Upsert(ToDocument(row));

    private static BsonDocument ToDocument(StationRow s) => new()
    {
        ["_id"] = s.Id,
        ["name"] = s.Name,
        ["enrolledAt"] = Ms(s.EnrolledAt),
        ["serial"] = s.CertificateSerial,
        ["revokedAt"] = s.RevokedAt is { } r ? Ms(r) : BsonValue.Null,
        ["retiredSerials"] = new BsonArray(s.RetiredSerials.Select(x => new BsonValue(x))),
        ["lastContact"] = s.LastContact is { } c ? Ms(c) : BsonValue.Null,
        ["envelopes"] = s.Envelopes,
        ["keptUnknown"] = s.KeptUnknown,
        ["figures"] = s.LatestFigures is { } f ? f.ToByteArray() : BsonValue.Null,
        ["figuresAt"] = s.FiguresAt is { } fa ? Ms(fa) : BsonValue.Null,
        ["health"] = s.LatestHealth is { } h ? h.ToByteArray() : BsonValue.Null,
        ["healthAt"] = s.HealthAt is { } ha ? Ms(ha) : BsonValue.Null,
        ["digestHead"] = (long)s.DigestHead,
    };

    private static StationRow ToStation(BsonDocument d) =>
        new(d["_id"].AsString, d["name"].AsString, At(d["enrolledAt"]), d["serial"].AsString)
        {
            RevokedAt = AtOrNull(d["revokedAt"]),
            RetiredSerials = [.. d["retiredSerials"].AsArray.Select(x => x.AsString)],
            LastContact = AtOrNull(d["lastContact"]),
            Envelopes = d["envelopes"].AsInt64,
            KeptUnknown = d["keptUnknown"].AsInt64,
            LatestFigures = d["figures"].IsNull ? null : Figures.Parser.ParseFrom(d["figures"].AsBinary),
            FiguresAt = AtOrNull(d["figuresAt"]),
            LatestHealth = d["health"].IsNull ? null : Health.Parser.ParseFrom(d["health"].AsBinary),
            HealthAt = AtOrNull(d["healthAt"]),
            DigestHead = (ulong)d["digestHead"].AsInt64,
        };
}
