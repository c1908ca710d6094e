using System.Security.Cryptography;
using System.Text.Json;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Cli;

namespace EdgeStation.Center.Admin;

/// <summary>
/// &lt;data-dir&gt;/run/admin.json (0600): where the running center's local admin endpoint listens and the token it
/// wants, written at each start and removed at stop. Whoever can read it can administer the center, as whoever can
/// read the CA key beside it can.
/// </summary>
public sealed record AdminRunFile(Uri Url, string Token)
{
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "run", "admin.json");

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public void Write(string dataDir)
    {
        var path = PathIn(dataDir);
        AuthorityFiles.CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
        File.Delete(path);
        AuthorityFiles.WriteOwnerOnly(path, JsonSerializer.Serialize(this, CenterJson.Options));
    }

    public static AdminRunFile? Read(string dataDir)
    {
        try
        {
            return JsonSerializer.Deserialize<AdminRunFile>(File.ReadAllText(PathIn(dataDir)), CenterJson.Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null; // no center running here, or a file left by one that was killed
        }
    }

    public static void Remove(string dataDir) => File.Delete(PathIn(dataDir));
}
