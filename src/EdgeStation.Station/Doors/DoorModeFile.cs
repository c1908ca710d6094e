using System.Globalization;
using System.Text;
using EdgeStation.Access.Doors;
using EdgeStation.Storage;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The admins' door modes (封锁/常开) kept across a restart: <c>door-modes</c> in the data dir, one line per door not in
/// normal mode (<c>2 lockdown</c>, <c>1 free</c>). A lockdown must not end because the box rebooted or the service was
/// restarted. Rewritten whole (temporary file, flushed, renamed over) at each change; read once at start, so doors still
/// decide from memory. First-person-in is not kept: it ends with its schedule anyway.
/// </summary>
public static class DoorModeFile
{
    public const string FileName = "door-modes";

    /// <summary>The saved modes by door; a missing file means all normal. A line that is not a mode stops the start with what to do (exit 3).</summary>
    public static IReadOnlyDictionary<int, DoorMode> Load(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        var modes = new Dictionary<int, DoorMode>();
        try
        {
            if (!File.Exists(path))
            {
                return modes;
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
                DoorMode? mode = parts.Length == 2 ? Parse(parts[1]) : null;
                if (mode is null || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var door))
                {
                    throw new StorageEnvironmentException(
                        $"{path} line {n} is not 'DOOR lockdown|free': fix or remove the file, then set the modes again (edgestation door mode)");
                }
                modes[door] = mode.Value;
            }
            return modes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot read the door mode file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the modes of <paramref name="doors"/> (only those not normal); throws <see cref="StorageEnvironmentException"/> when it cannot.</summary>
    public static void Save(string dataDir, IEnumerable<(int Door, DoorMode Mode)> doors)
    {
        var path = Path.Combine(dataDir, FileName);
        var text = new StringBuilder();
        foreach (var (door, mode) in doors.Where(d => d.Mode != DoorMode.Normal).OrderBy(d => d.Door))
        {
            text.Append(door.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(DoorController.ModeName(mode)).Append('\n');
        }
        try
        {
            OwnerOnlyTextFile.Replace(path, text.ToString()); // the old set or the new one, never half
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot write the door mode file {path}: {ex.Message}", ex);
        }
    }

    private static DoorMode? Parse(string name) => name switch
    {
        "lockdown" => DoorMode.Lockdown,
        "free" => DoorMode.FreePassage,
        "normal" => DoorMode.Normal,
        _ => null,
    };
}
