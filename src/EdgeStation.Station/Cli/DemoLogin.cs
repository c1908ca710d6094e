using System.Security.Cryptography;
using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Cli;

/// <summary>
/// The demo's login: an admin account <see cref="Name"/> whose password is new at every demo start and printed
/// beside the URL. Admin, so the demo shows everything the kiosk and API do (metrics and the account list too);
/// the data is made up and lives in the demo's own data dir, and `demo` serves only stations it created itself.
/// </summary>
public static class DemoLogin
{
    public const string Name = "demo";

    // Easy to read aloud and type on a kiosk keyboard: no i/l/1, o/0.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>8 random characters as two groups of four, e.g. "k7m2-p9qx" (about 40 bits; it only guards loopback).</summary>
    public static string NewPassword()
    {
        var s = RandomNumberGenerator.GetString(Alphabet, 8);
        return $"{s[..4]}-{s[4..]}";
    }

    /// <summary>
    /// Makes <see cref="Name"/> an enabled admin with <paramref name="password"/>, adding it on first use. Each change
    /// is the ledger entry `users` writes (never the password), so every demo start shows in the history.
    /// </summary>
    public static void Ensure(StationSession session, string password, string actor)
    {
        var accounts = session.Accounts;
        var existing = accounts.Users.Find(Name);
        if (existing is null)
        {
            accounts.AddAsync(Name, Role.Admin, [], password, actor).GetAwaiter().GetResult();
            return;
        }
        if (existing.Role != Role.Admin)
        {
            accounts.ChangeRoleAsync(Name, Role.Admin, [], actor).GetAwaiter().GetResult();
        }
        if (existing.Disabled)
        {
            accounts.SetDisabledAsync(Name, disabled: false, actor).GetAwaiter().GetResult();
        }
        accounts.ChangePasswordAsync(Name, password, actor).GetAwaiter().GetResult(); // also ends a lockout
    }
}
