using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Cli;
using EdgeStation.Domain.Accounts;

namespace EdgeStation.Center.Accounts;

/// <summary>
/// The township staff who may open the reports: &lt;data-dir&gt;/accounts.json (0600), the station's account model
/// (names, roles, password rules and PBKDF2 hashes from EdgeStation.Domain). Kept beside the store, not in it, so the
/// same file serves the embedded store and PostgreSQL, and an account added while `run` runs counts at its next request.
/// </summary>
public sealed class CenterAccounts(string dataDir)
{
    public const string FileName = "accounts.json";

    // PBKDF2 costs ~0.5 s on a small server: a password once proven is remembered (as a SHA-256, never in clear) for
    // as long as its stored hash stays the same, so a page that sends its credentials again is not half a second slower.
    private readonly ConcurrentDictionary<string, string> _proven = new(StringComparer.Ordinal);

    public string Path => System.IO.Path.Combine(dataDir, FileName);

    public IReadOnlyList<CenterAccount> All()
    {
        try
        {
            return JsonSerializer.Deserialize<List<CenterAccount>>(File.ReadAllText(Path), CenterJson.Options) ?? [];
        }
        catch (FileNotFoundException)
        {
            return [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
        catch (JsonException e)
        {
            throw new CenterEnvironmentException($"{Path} is not a list of accounts ({e.Message}); restore it from a backup or remove it and add the accounts again");
        }
    }

    /// <summary>Adds an account; a bad name, role or weak password is an <see cref="AccountInputException"/>, so is a name taken.</summary>
    public CenterAccount Add(string rawName, string roleName, string secret)
    {
        var name = UserNames.Normalize(rawName);
        if (!RoleNames.TryParse(roleName, out var role))
        {
            throw new AccountInputException($"unknown role '{roleName}' (one of {RoleNames.AllNames})");
        }
        SecretRules.Check(name, secret);
        var all = All().ToList();
        if (all.Any(a => a.Name == name))
        {
            throw new AccountInputException($"an account '{name}' exists already");
        }
        var account = new CenterAccount(name, RoleNames.Name(role), PasswordHasher.Hash(secret));
        all.Add(account);
        Directory.CreateDirectory(dataDir);
        // Written beside and renamed over: a crash mid-write leaves the old file whole, never half a list.
        var next = Path + ".next";
        File.Delete(next);
        AuthorityFiles.WriteOwnerOnly(next, JsonSerializer.Serialize(all, CenterJson.Options));
        File.Move(next, Path, overwrite: true);
        return account;
    }

    /// <summary>The account's name and role when the password is right; null otherwise (no such account, or wrong).</summary>
    public (string Name, Role Role)? Verify(string rawName, string secret)
    {
        var name = UserNames.LoginKey(rawName);
        var account = All().FirstOrDefault(a => a.Name == name);
        if (account is null || !RoleNames.TryParse(account.Role, out var role))
        {
            return null;
        }
        var key = name + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (_proven.TryGetValue(key, out var hash) && hash == account.PasswordHash)
        {
            return (name, role);
        }
        if (PasswordHasher.Verify(secret, account.PasswordHash) is not PasswordVerification.Failed)
        {
            _proven[key] = account.PasswordHash;
            return (name, role);
        }
        return null;
    }
}
