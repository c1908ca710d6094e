using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Writes a builder makes to collections beside the ledger (accounts now, door access rights next). They are held with
/// the batch and applied in the transaction that applies the batch's entries, so an entry and its side writes commit
/// together or not at all; the writes of a builder that throws are dropped with it. Reads inside the batch
/// (<see cref="TryFind"/>, <see cref="Merge"/>) see what earlier builders of the same batch wrote.
/// </summary>
internal sealed class SideWrites
{
    private readonly List<(string Collection, BsonValue Id, BsonDocument? Doc)> _writes = [];
    private int _accepted; // writes of builders that returned; the rest belong to the builder running now

    /// <summary>Writes held (accepted and of the running builder).</summary>
    public int Count => _writes.Count;

    public void Upsert(string collection, BsonDocument doc) => _writes.Add((collection, doc["_id"], doc));

    public void Delete(string collection, BsonValue id) => _writes.Add((collection, id, null));

    /// <summary>True when the batch wrote <paramref name="id"/>: <paramref name="doc"/> is what it wrote (null: deleted).</summary>
    public bool TryFind(string collection, BsonValue id, out BsonDocument? doc)
    {
        for (var i = _writes.Count - 1; i >= 0; i--)
        {
            var (c, key, written) = _writes[i];
            if (c == collection && key == id)
            {
                doc = written;
                return true;
            }
        }
        doc = null;
        return false;
    }

    /// <summary>The committed documents of <paramref name="collection"/> as this batch leaves them.</summary>
    public IEnumerable<BsonDocument> Merge(string collection, IEnumerable<BsonDocument> committed)
    {
        var written = new Dictionary<BsonValue, BsonDocument?>();
        foreach (var (c, id, doc) in _writes)
        {
            if (c == collection)
            {
                written[id] = doc;
            }
        }
        foreach (var doc in committed)
        {
            if (!written.TryGetValue(doc["_id"], out var replaced))
            {
                yield return doc;
            }
            else if (replaced is not null)
            {
                written.Remove(doc["_id"]);
                yield return replaced;
            }
        }
        foreach (var added in written.Values)
        {
            if (added is not null)
            {
                yield return added;
            }
        }
    }

    /// <summary>The running builder returned an entry: its writes stay with the batch.</summary>
    public void Accept() => _accepted = _writes.Count;

    /// <summary>The running builder threw or returned nothing to append: its writes are dropped.</summary>
    public void Discard() => _writes.RemoveRange(_accepted, _writes.Count - _accepted);

    /// <summary>Inside the batch's transaction, on the writer thread.</summary>
    public void ApplyTo(LiteDatabase db)
    {
        foreach (var (collection, id, doc) in _writes)
        {
            if (doc is null)
            {
                db.GetCollection(collection).Delete(id);
            }
            else
            {
                db.GetCollection(collection).Upsert(doc);
            }
        }
    }
}
