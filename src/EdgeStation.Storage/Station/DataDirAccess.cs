using System.Runtime.InteropServices;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Records;

namespace EdgeStation.Storage.Station;

/// <summary>
/// The data dir holds names and ID numbers (docs/privacy.md): only the account that owns it (the service user) may
/// open it. Its files are created 0600 and the folder 0700, whoever creates them (the service, a command, LiteDB
/// itself for its log); a file or folder found more open at a writing start is tightened, or the start refused.
/// No group access: the service needs none, and who else needs the files (a backup) runs as root.
/// </summary>
public static class DataDirAccess
{
    /// <summary>rw------- : what every file of the station is created with.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ : the data dir and its run/ folder.</summary>
    public const UnixFileMode DirMode = FileMode | UnixFileMode.UserExecute;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The folder of the running service's address and local token (Station's ServiceRunFiles).</summary>
    private const string RunDir = "run";

    /// <summary>Every file the station keeps directly in the data dir.</summary>
    private static readonly string[] StationFiles =
    [
        LedgerStore.FileName, DatabaseFileCheck.LogFileName, LedgerJournal.FileName, RecordSummaryFile.FileName,
        RecordSummaryFile.FileName + ".tmp", StationLock.FileName, LedgerStore.ProbeFileName,
        Outbox.OutboxStore.FileName, Outbox.OutboxStore.LogFileName, Outbox.OutboxStore.LockFileName,
        Access.AccessEventLog.FileName, "access-log.db", Cameras.CameraAlertStore.FileName, "camera-alerts-log.db",
        // Named by the Station project (AccessService.KeyFile, PinStore.FileName), which Storage cannot reference: the door
        // PIN key and the PIN hashes are the most sensitive files the station keeps.
        "access.key", "access-pins",
    ];

    /// <summary>
    /// Sets this process's file-creation mask to 077, so that every file and folder it creates from now on is born
    /// owner-only, with no moment in which it is more open. The only way to cover LiteDB, which creates (and deletes
    /// and creates again) its files itself. Idempotent; the whole process is the station, so nothing else minds.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111); // 077
        }
    }

    /// <summary>Options to create a station file 0600 (the mask above applies too; this holds without it).</summary>
    internal static FileStreamOptions OwnerOnly(System.IO.FileMode mode, FileAccess access, FileShare share, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        var o = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            o.UnixCreateMode = FileMode;
        }
        return o;
    }

    /// <summary>
    /// Before a writing command or the service opens the store: takes group and other access away from the data
    /// dir, the station's files in it and run/. Returns what it changed ("station.db 0644 → 0600"), empty when all
    /// was already owner-only. Throws <see cref="StorageEnvironmentException"/> when one cannot be changed (this
    /// user does not own it, a read-only or immutable file): a station must not go on writing names into a file
    /// others can read.
    /// </summary>
    public static IReadOnlyList<string> Tighten(string dataDir)
    {
        var changed = new List<string>();
        if (OperatingSystem.IsWindows() || !Directory.Exists(dataDir))
        {
            return changed;
        }
        TightenOne(dataDir, "data dir", changed);
        foreach (var name in StationFiles)
        {
            TightenOne(Path.Combine(dataDir, name), name, changed);
        }
        var run = Path.Combine(dataDir, RunDir);
        if (Directory.Exists(run))
        {
            TightenOne(run, RunDir + "/", changed);
            string[] files;
            try
            {
                files = Directory.GetFiles(run);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                throw new StorageEnvironmentException($"cannot list {run}: {ex.Message}", ex);
            }
            foreach (var file in files)
            {
                TightenOne(file, RunDir + "/" + Path.GetFileName(file), changed);
            }
        }
        return changed;
    }

    /// <summary>One line for the log or standard error, naming each change.</summary>
    public static string Warning(string dataDir, IReadOnlyList<string> changed) =>
        $"warning: {dataDir} was open to other users; made owner-only (it holds names and ID numbers): {string.Join(", ", changed)}";

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenOne(string path, string name, List<string> changed)
    {
        UnixFileMode mode;
        try
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return;
            }
            mode = File.GetUnixFileMode(path); // of the target, for a link: what chmod changes too
        }
        catch (FileNotFoundException)
        {
            return; // went away meanwhile (station.probe, records.summary.tmp)
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StorageEnvironmentException($"cannot read the access mode of {path}: {ex.Message}", ex);
        }
        if ((mode & GroupAndOthers) == 0)
        {
            return;
        }
        var tight = mode & ~GroupAndOthers;
        try
        {
            File.SetUnixFileMode(path, tight);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StorageEnvironmentException(
                $"{path} is open to other users (mode {Octal(mode)}) and cannot be made owner-only ({Octal(tight)}): {ex.Message}. " +
                $"It holds names and ID numbers: as its owner or root, run: chmod {Octal(tight)} {path} (and run edgestation as the user " +
                "that owns the data dir, e.g. sudo -u edgestation). Nothing was written.", ex);
        }
        changed.Add($"{name} {Octal(mode)} → {Octal(tight)}");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0b111_111_111, 8).PadLeft(4, '0');

    // mode_t umask(mode_t mask), libc: no managed API sets the process's creation mask. Blittable: no marshalling
    // code to generate (a LibraryImport would need unsafe code), so it binds directly under Native AOT.
    [DllImport("libc", EntryPoint = "umask", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
