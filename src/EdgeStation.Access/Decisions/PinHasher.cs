using System.Security.Cryptography;
using System.Text;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Decisions;

/// <summary>
/// Door PINs hashed as HMAC-SHA256 under a station key that never leaves the box. A door must decide in
/// milliseconds, so this is a keyed hash, not the slow salted hash of login passwords: a 4–8 digit PIN has too few
/// values for slowness to protect it anyway; the key does (a copied database without the key gives nothing).
/// The same PIN gives the same hash, which lets a PIN-only door find its holder.
/// </summary>
public sealed class PinHasher
{
    public const int KeyBytes = 32;
    private readonly byte[] _key;

    public PinHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"a PIN key has at least {KeyBytes} bytes", nameof(key));
        }
        _key = key.ToArray();
    }

    public string Hash(string pin)
    {
        PinRules.Check(pin);
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(pin)));
    }
}
