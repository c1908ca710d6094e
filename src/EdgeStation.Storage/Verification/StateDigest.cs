using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using LiteDB;

namespace EdgeStation.Storage.Verification;

/// <summary>
/// A digest of what station.db stores for people to read: the <c>records</c> and <c>counters</c> collections whole,
/// and of each account the parts the ledger decides (name, role, grids, disabled; not the password hash or the
/// failed-login count, which change without an entry). Each part is the XOR of SHA-256 over every document's
/// canonical form, so the writer keeps it current per changed document (out with the old, in with the new) and an
/// open recomputes it in one pass over the collections. The writer stores it beside the head in the same
/// transaction as the entries; an open whose recomputed digest differs has found the stored state changed by
/// something other than the writer (another tool, a damaged page), and the ledger alone can say what it should be.
/// </summary>
public sealed class StateDigest
{
    public const string RecordsPart = "records";
    public const string UsersPart = "users";
    public const string CountersPart = "counters";

    private readonly byte[] _records = new byte[32];
    private readonly byte[] _users = new byte[32];
    private readonly byte[] _counters = new byte[32];

    public StateDigest Clone()
    {
        var copy = new StateDigest();
        _records.CopyTo(copy._records, 0);
        _users.CopyTo(copy._users, 0);
        _counters.CopyTo(copy._counters, 0);
        return copy;
    }

    public void ToggleRecord(BsonDocument doc) => Toggle(_records, RecordsPart, doc);

    public void ToggleCounter(BsonDocument doc) => Toggle(_counters, CountersPart, doc);

    /// <summary>An account's ledger-decided parts only (see the summary).</summary>
    public void ToggleUser(BsonDocument doc) => Toggle(_users, UsersPart, LedgerPartsOfUser(doc));

    public void ClearUsers() => Array.Clear(_users);

    /// <summary>Whether two record documents have the same canonical form.</summary>
    public static bool SameRecord(BsonDocument a, BsonDocument b)
    {
        var x = new StateDigest();
        x.ToggleRecord(a);
        x.ToggleRecord(b);
        return x._records.AsSpan().IndexOfAnyExcept((byte)0) < 0;
    }

    public static BsonDocument LedgerPartsOfUser(BsonDocument doc)
    {
        var parts = new BsonDocument();
        foreach (var key in (string[])["_id", "role", "grids", "disabled"])
        {
            if (doc.TryGetValue(key, out var v))
            {
                parts[key] = v;
            }
        }
        return parts;
    }

    /// <summary>The parts that differ from <paramref name="other"/>'s ("records", "users", "counters").</summary>
    public List<string> DifferingParts(StateDigest other)
    {
        var parts = new List<string>(3);
        if (!_records.AsSpan().SequenceEqual(other._records))
        {
            parts.Add(RecordsPart);
        }
        if (!_users.AsSpan().SequenceEqual(other._users))
        {
            parts.Add(UsersPart);
        }
        if (!_counters.AsSpan().SequenceEqual(other._counters))
        {
            parts.Add(CountersPart);
        }
        return parts;
    }

    public BsonDocument ToBson(string id, long seq, string hash) => new()
    {
        ["_id"] = id,
        ["seq"] = seq,
        ["hash"] = hash,
        [RecordsPart] = Convert.ToHexStringLower(_records),
        [UsersPart] = Convert.ToHexStringLower(_users),
        [CountersPart] = Convert.ToHexStringLower(_counters),
    };

    /// <summary>The digest a state document holds; null when a member is missing or not 64 hex digits (damage).</summary>
    public static StateDigest? FromBson(BsonDocument doc)
    {
        var digest = new StateDigest();
        return Hex(doc, RecordsPart, digest._records) && Hex(doc, UsersPart, digest._users) && Hex(doc, CountersPart, digest._counters)
            ? digest
            : null;
    }

    private static bool Hex(BsonDocument doc, string key, byte[] into) =>
        doc.TryGetValue(key, out var v) && v.IsString && v.AsString.Length == 64
        && Convert.FromHexString(v.AsString, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;

    // One buffer per thread for the canonical form: an open hashes every stored document, so nothing is allocated per document.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static void Toggle(byte[] into, string part, BsonDocument doc)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Append(buffer, new BsonValue(part));
        Append(buffer, doc);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, digest);
        for (var i = 0; i < 32; i++)
        {
            into[i] ^= digest[i];
        }
    }

    // A canonical form of a BSON value: a type tag, then the value; documents with their keys in ordinal order, so the
    // form does not depend on the order LiteDB keeps them in. Text as UTF-16 code units: a damaged string that no
    // longer decodes still hashes as exactly what it is.
    private static void Append(ArrayBufferWriter<byte> w, BsonValue value)
    {
        switch (value.Type)
        {
            case BsonType.Document:
                var doc = value.AsDocument;
                Tagged(w, (byte)'D', doc.Count);
                foreach (var key in doc.Keys.Order(StringComparer.Ordinal))
                {
                    Text(w, key);
                    Append(w, doc[key]);
                }
                break;
            case BsonType.Array:
                var array = value.AsArray;
                Tagged(w, (byte)'A', array.Count);
                foreach (var item in array)
                {
                    Append(w, item);
                }
                break;
            case BsonType.String:
                Byte(w, (byte)'S');
                Text(w, value.AsString);
                break;
            case BsonType.Int32:
                Tagged(w, (byte)'i', value.AsInt32);
                break;
            case BsonType.Int64:
                Tagged(w, (byte)'l', value.AsInt64);
                break;
            case BsonType.Boolean:
                Byte(w, (byte)'b');
                Byte(w, value.AsBoolean ? (byte)1 : (byte)0);
                break;
            case BsonType.Double:
                Tagged(w, (byte)'d', BitConverter.DoubleToInt64Bits(value.AsDouble));
                break;
            case BsonType.DateTime:
                Tagged(w, (byte)'t', value.AsDateTime.ToUniversalTime().Ticks);
                break;
            case BsonType.Null:
                Byte(w, (byte)'n');
                break;
            default:
                // No writer of ours stores other types; a changed type tag still has to count as a change.
                Byte(w, (byte)'?');
                Byte(w, (byte)value.Type);
                Text(w, value.ToString());
                break;
        }
    }

    private static void Byte(ArrayBufferWriter<byte> w, byte b)
    {
        w.GetSpan(1)[0] = b;
        w.Advance(1);
    }

    private static void Tagged(ArrayBufferWriter<byte> w, byte tag, long n)
    {
        var span = w.GetSpan(9);
        span[0] = tag;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], n);
        w.Advance(9);
    }

    private static void Text(ArrayBufferWriter<byte> w, string text)
    {
        Tagged(w, (byte)'s', text.Length);
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        bytes.CopyTo(w.GetSpan(bytes.Length));
        w.Advance(bytes.Length);
    }
}
