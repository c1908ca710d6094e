using System.Security.Cryptography;
using EdgeStation.Storage;
using EdgeStation.Storage.Station;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Station.Sync;

/// <summary>
/// The station's identity towards its center, as `edgestation provision` installed it: the signed bundle kept whole in
/// &lt;data-dir&gt;/sync/bundle.json (0600, it holds the station's private key; the folder 0700). Kept whole so every
/// use checks the CA's signature, the certificate chain and its validity again, as the first install did.
/// </summary>
public static class SyncIdentity
{
    public const string DirName = "sync";
    public const string BundleFileName = "bundle.json";

    public static string Dir(string dataDir) => Path.Combine(dataDir, DirName);

    public static string BundlePath(string dataDir) => Path.Combine(Dir(dataDir), BundleFileName);

    public static bool IsProvisioned(string dataDir) => File.Exists(BundlePath(dataDir));

    /// <summary>
    /// The installed bundle, checked as of <paramref name="now"/>; null when the station was never provisioned.
    /// A bundle that no longer passes (expired certificate, a changed file) throws <see cref="StationBundleException"/>.
    /// </summary>
    public static StationBundle? Load(string dataDir, DateTimeOffset now)
    {
        var path = BundlePath(dataDir);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot read the station's identity {path}: {ex.Message}", ex);
        }
        return StationBundle.Parse(bytes, expectedStationId: null, now);
    }

    /// <summary>
    /// The station id of the installed bundle without judging the bundle: a bundle that fails its checks today (an
    /// expired certificate) still says which station this is, so a bundle for another station is refused all the same.
    /// </summary>
    public static string? InstalledStationId(string dataDir)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(BundlePath(dataDir)));
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("stationId", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the bundle in place of any earlier one, atomically, owner-only from its first byte.</summary>
    public static void Install(string dataDir, StationBundle bundle)
    {
        var dir = Dir(dataDir);
        try
        {
            Directory.CreateDirectory(dataDir);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, DataDirAccess.DirMode);
                File.SetUnixFileMode(dir, DataDirAccess.DirMode);
            }
            var temp = Path.Combine(dir, $".{BundleFileName}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = DataDirAccess.FileMode;
            }
            try
            {
                using (var stream = new FileStream(temp, options))
                {
                    stream.Write(bundle.ToJson());
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, BundlePath(dataDir), overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot install the station's identity in {dir}: {ex.Message}", ex);
        }
    }
}
