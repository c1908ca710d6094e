using System.Security.Cryptography;
using EdgeStation.Access.Osdp;
using EdgeStation.Station.Config;
using EdgeStation.Storage;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The site's OSDP secure channel base key (SCBK, 通信密钥): 32 hex digits in &lt;data-dir&gt;/osdp.key, owner-only (0600),
/// made at random on the first start with a secure bus. An installer reads it from the file (as root) into each reader's
/// configuration tool; the station never prints it, and no message names more than the file.
/// </summary>
public static class OsdpKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The key in <paramref name="dataDir"/>, made now if there is none; throws <see cref="StorageEnvironmentException"/> (exit 3) when it cannot be read, made or is not a key.</summary>
    public static byte[] LoadOrCreate(string dataDir)
    {
        var path = Path.Combine(dataDir, OsdpSettings.KeyFile);
        try
        {
            if (File.Exists(path))
            {
                if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
                {
                    File.SetUnixFileMode(path, OwnerOnly); // a key others could read is no key: make it owner-only again
                }
                var text = File.ReadAllText(path).Trim();
                if (text.Length != SecureChannelKeys.KeyLength * 2 || !text.All(char.IsAsciiHexDigit))
                {
                    // Never quote the content: it may be a key with a typo.
                    throw new StorageEnvironmentException(
                        $"{path} is not an OSDP key (expected {SecureChannelKeys.KeyLength * 2} hex digits); restore it from the backup, or the readers that hold it cannot be reached");
                }
                return Convert.FromHexString(text);
            }
            var key = RandomNumberGenerator.GetBytes(SecureChannelKeys.KeyLength);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }
            using (var f = new FileStream(path, options))
            using (var w = new StreamWriter(f))
            {
                w.Write(Convert.ToHexString(key));
                w.Write('\n');
                w.Flush();
                f.Flush(flushToDisk: true);
            }
            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot read or create the OSDP key {path}: {ex.Message}", ex);
        }
    }
}
