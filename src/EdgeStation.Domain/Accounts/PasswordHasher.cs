using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgeStation.Domain.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 password/PIN hashes with a random 16-byte salt per hash, stored as
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in standard base64, hash 32 bytes). The secret is
/// hashed as its UTF-8 bytes. Comparison is constant-time. The iteration count travels in the stored
/// string, so raising <see cref="Iterations"/> later keeps old hashes valid and <see cref="NeedsRehash"/>
/// tells the login to store a fresh one.
/// </summary>
public static class PasswordHasher
{
    public const string Scheme = "pbkdf2-sha256";
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256. About 0.2 s on the x64 build VM (docs/operations.md).</summary>
    public const int Iterations = 600_000;
    /// <summary>New hashes never use fewer.</summary>
    public const int MinimumIterations = 200_000;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;
    /// <summary>Stored hashes claiming more are refused as malformed (a doctored count must not stall a login for minutes).</summary>
    private const int MaximumIterations = 10_000_000;

    public static string Hash(string secret) => Hash(secret, Iterations);

    public static string Hash(string secret, int iterations)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(secret, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Checks <paramref name="secret"/> against a stored hash. A malformed stored hash never verifies.</summary>
    public static PasswordVerification Verify(string secret, string stored)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return PasswordVerification.Failed;
        }
        var actual = Derive(secret, salt, iterations);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }
        return iterations < Iterations ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    public static bool NeedsRehash(string stored) =>
        !TryParse(stored, out var iterations, out _, out _) || iterations < Iterations;

    public static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaximumIterations)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
