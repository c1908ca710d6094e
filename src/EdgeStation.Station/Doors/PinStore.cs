using System.Text;
using EdgeStation.Storage;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The door PIN hashes (密码), kept apart from the ledger because they are secrets: the ledger's <c>access</c> entry says
/// only that a PIN was set for whom. One owner-only file, <c>access-pins</c> in the data dir, one line per PIN
/// (<c>P-000001 pin HASH</c> or <c>… duress HASH</c>); the hashes are HMAC-SHA256 under <c>access.key</c>, so a copy of
/// this file without the key gives nothing. Rewritten whole (temporary file, flushed to disk, renamed over) at each change.
/// Not thread-safe: the service changes it one change at a time.
/// </summary>
public sealed class PinStore
{
    public const string FileName = "access-pins";
    private const string PinKind = "pin";
    private const string DuressKind = "duress";

    private readonly string _path;
    private Dictionary<(string Person, bool Duress), string> _hashes;

    private PinStore(string path, Dictionary<(string Person, bool Duress), string> hashes)
    {
        _path = path;
        _hashes = hashes;
    }

    /// <summary>Every stored hash: (person, duress?) → hash.</summary>
    public IReadOnlyDictionary<(string Person, bool Duress), string> Hashes => _hashes;

    /// <summary>Reads the file (none yet: no PINs); a damaged one stops the start with what to do (exit 3).</summary>
    public static PinStore Open(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        var hashes = new Dictionary<(string, bool), string>();
        try
        {
            if (!File.Exists(path))
            {
                return new PinStore(path, hashes);
            }
            var n = 0;
            foreach (var line in File.ReadLines(path, Encoding.ASCII))
            {
                n++;
                if (line.Length == 0)
                {
                    continue;
                }
                var parts = line.Split(' ');
                if (parts.Length != 3 || parts[1] is not (PinKind or DuressKind) || !IsHash(parts[2]))
                {
                    throw new StorageEnvironmentException(
                        $"{path} line {n} is not 'PERSON pin|duress HASH': restore the file from the backup, or move it away and set the PINs again (edgestation pin set)");
                }
                hashes[(parts[0], parts[1] == DuressKind)] = parts[2];
            }
            return new PinStore(path, hashes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot read the door PIN file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Stores (or with null clears) one hash, on disk before it returns; on failure nothing changed.</summary>
    public void Set(string person, bool duress, string? hash)
    {
        var next = new Dictionary<(string, bool), string>(_hashes);
        if (hash is null)
        {
            next.Remove((person, duress));
        }
        else
        {
            next[(person, duress)] = hash;
        }
        Write(next);
        _hashes = next;
    }

    /// <summary>Forgets a person's PINs (the person was removed); false when there were none.</summary>
    public bool Remove(string person)
    {
        if (!_hashes.ContainsKey((person, false)) && !_hashes.ContainsKey((person, true)))
        {
            return false;
        }
        var next = _hashes.Where(h => h.Key.Person != person).ToDictionary(h => h.Key, h => h.Value);
        Write(next);
        _hashes = next;
        return true;
    }

    private void Write(Dictionary<(string Person, bool Duress), string> hashes)
    {
        var text = new StringBuilder();
        foreach (var ((person, duress), hash) in hashes.OrderBy(h => h.Key.Person, StringComparer.Ordinal).ThenBy(h => h.Key.Duress))
        {
            text.Append(person).Append(' ').Append(duress ? DuressKind : PinKind).Append(' ').Append(hash).Append('\n');
        }
        try
        {
            OwnerOnlyTextFile.Replace(_path, text.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot write the door PIN file {_path}: {ex.Message}; nothing was changed", ex);
        }
    }

    private static bool IsHash(string text)
    {
        Span<byte> bytes = stackalloc byte[64];
        return Convert.TryFromBase64String(text, bytes, out var n) && n == 32;
    }
}
