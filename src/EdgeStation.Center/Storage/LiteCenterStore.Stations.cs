using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    /// <summary>
    /// From memory, without LiteDB or the lock: every TLS handshake and every batch asks whether its station is still
    /// admitted, and with reads serialized behind the writer (see Locked) 2,000 handshakes queued on the lock while a
    /// group of envelopes was stored, a blocked thread each, until the pool starved and handshakes timed out. Station
    /// rows change only in this store's transactions, which publish what they saved when they commit.
    /// </summary>
    public StationRow? Station(string id) =>
        _write.IsHeldByCurrentThread && _savedStations.TryGetValue(id, out var saved) ? saved : Volatile.Read(ref _committedStations).GetValueOrDefault(id);

    /// <summary>Every station, from memory (see <see cref="Station"/>); inside a transaction with what it saved so far.</summary>
    public IReadOnlyList<StationRow> AllStations()
    {
        if (_write.IsHeldByCurrentThread && _savedStations.Count > 0)
        {
            var merged = new Dictionary<string, StationRow>(Volatile.Read(ref _committedStations), StringComparer.Ordinal);
            foreach (var (id, row) in _savedStations)
            {
                merged[id] = row;
            }
            return [.. merged.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
        }
        if (Volatile.Read(ref _sortedStations) is { } sorted)
        {
            return sorted;
        }
        IReadOnlyList<StationRow> all = [.. Volatile.Read(ref _committedStations).Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
        Volatile.Write(ref _sortedStations, all);
        return all;
    }

    /// <summary>Inside a transaction: the row as LiteDB will give it back (times to the millisecond), published at commit.</summary>
    private void Saved(StationRow row) => _savedStations[row.Id] = ToStation(ToDocument(row));

    /// <summary>After a commit: what the transaction saved becomes what every reader sees.</summary>
    private void PublishSavedStations()
    {
        if (_savedStations.Count == 0)
        {
            return;
        }
        var next = new Dictionary<string, StationRow>(_committedStations, StringComparer.Ordinal);
        foreach (var (id, row) in _savedStations)
        {
            next[id] = row;
        }
        Volatile.Write(ref _committedStations, next);
        Volatile.Write(ref _sortedStations, null);
    }

    /// <summary>Enrolls a station, or re-enrolls it with a new certificate: the old one is retired (refused from now on).</summary>
    public StationRow Enroll(string id, string name, string certificateSerial, DateTimeOffset at) => InTransaction(() =>
    {
        var row = StationRow.Enrolled(Station(id), id, name, certificateSerial, at);
        _stations.Upsert(ToDocument(row));
        Saved(row);
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
            var revoked = row with { RevokedAt = at };
            _stations.Update(ToDocument(revoked));
            Saved(revoked);
        }
        return true;
    });

    /// <summary>Inside an ingest transaction: the station after what it just sent.</summary>
    public void SaveStation(StationRow row)
    {
        _stations.Upsert(ToDocument(row));
        Saved(row);
    }

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
