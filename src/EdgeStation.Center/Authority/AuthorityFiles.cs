using System.Security.Cryptography;
using EdgeStation.Center.Cli;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Center.Authority;

/// <summary>
/// The center's CA on disk: &lt;data-dir&gt;/ca/ca.crt.pem and ca.key.pem (0600, in a 0700 folder). The key signs every
/// station certificate and bundle: whoever holds it can enroll a station, so it never leaves the center.
/// </summary>
public static class AuthorityFiles
{
    public const string Folder = "ca";
    public const string CertificateFile = "ca.crt.pem";
    public const string KeyFile = "ca.key.pem";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string CertificatePath(string dataDir) => Path.Combine(dataDir, Folder, CertificateFile);

    public static string KeyPath(string dataDir) => Path.Combine(dataDir, Folder, KeyFile);

    public static bool Exists(string dataDir) => File.Exists(CertificatePath(dataDir)) || File.Exists(KeyPath(dataDir));

    /// <summary>Makes the CA; refuses to replace one (every enrolled station trusts the old one).</summary>
    public static CenterAuthority Init(string dataDir, string centerName, DateTimeOffset now)
    {
        if (Exists(dataDir))
        {
            throw new UsageException($"a CA already exists in {Path.Combine(dataDir, Folder)}: every enrolled station trusts it, so it is never replaced (move the folder aside yourself to start over)");
        }
        var authority = CenterAuthority.Create(centerName, now);
        try
        {
            var folder = Path.Combine(dataDir, Folder);
            CreateOwnerOnlyFolder(dataDir);
            CreateOwnerOnlyFolder(folder);
            WriteOwnerOnly(KeyPath(dataDir), authority.KeyPem());
            WriteOwnerOnly(CertificatePath(dataDir), authority.CertificatePem());
            return authority;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            authority.Dispose();
            throw new CenterEnvironmentException($"cannot write the CA in {dataDir}: {e.Message}", e);
        }
    }

    public static CenterAuthority Load(string dataDir)
    {
        var certificate = CertificatePath(dataDir);
        var key = KeyPath(dataDir);
        if (!File.Exists(certificate) || !File.Exists(key))
        {
            throw new CenterEnvironmentException($"no CA in {Path.Combine(dataDir, Folder)} (wrong --data-dir? run 'edgestation-center ca init' first)");
        }
        try
        {
            return CenterAuthority.FromPem(File.ReadAllText(certificate), File.ReadAllText(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CenterEnvironmentException($"cannot read the CA in {Path.Combine(dataDir, Folder)}: {e.Message}", e);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CenterEnvironmentException($"the CA in {Path.Combine(dataDir, Folder)} is damaged: its certificate or key does not parse, or they do not match ({e.Message}); restore it from a backup", e);
        }
    }

    public static void CreateOwnerOnlyFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, OwnerOnlyFolder);
            }
        }
    }

    /// <summary>Writes a new file that is 0600 from its first byte (never readable by others, not even for an instant).</summary>
    public static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        writer.Flush();
        stream.Flush(true);
    }
}
