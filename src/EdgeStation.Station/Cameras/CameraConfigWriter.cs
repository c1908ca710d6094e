using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeStation.Station.Config;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// Appends a camera to station.json's "cameras" list, or changes one camera's zones and lines, and leaves every other key
/// as it was (the file is read as a JSON tree, not through the settings, so nothing it holds is dropped or rewritten with
/// defaults). The new file is checked as a whole before it replaces the old one, by a rename in the same folder: a refused
/// change leaves the file as it was, and a crash leaves the old file or the new one, never half of one.
/// </summary>
public static class CameraConfigWriter
{
    public static void Append(string path, CameraConfigDocument camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        Change(path, root =>
        {
            if (root["cameras"] is not JsonArray cameras)
            {
                cameras = [];
                root["cameras"] = cameras;
            }

            cameras.Add((JsonNode)ToNode(camera));
        });
    }

    /// <summary>
    /// Changes the entry of the camera named <paramref name="camera"/> (its zones and lines: `camera zones`); the same
    /// checks and the same rename as <see cref="Append"/>. No such camera is a usage error and changes nothing.
    /// </summary>
    public static void ChangeCamera(string path, string camera, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!File.Exists(path))
        {
            throw new Cli.UsageException($"there is no camera named '{camera}': {path} does not exist (camera add)");
        }

        Change(path, root =>
        {
            var entry = (root["cameras"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(c => c["name"] is JsonValue v && v.TryGetValue<string>(out var n) && n.Trim() == camera)
                ?? throw new Cli.UsageException($"there is no camera named '{camera}' in {path} (camera list)");
            change(entry);
        });
    }

    /// <summary>A zone as station.json holds it.</summary>
    public static JsonObject ToNode(CameraZoneDocument z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var zone = new JsonObject { ["name"] = z.Name };
        if (z.Corners is not null)
        {
            zone["corners"] = z.Corners;
        }

        if (z.Area is not null)
        {
            zone["area"] = z.Area;
        }

        if (z.Armed is not null)
        {
            zone["armed"] = z.Armed;
        }

        if (z.Dwell is { } d)
        {
            zone["dwell"] = d;
        }

        return zone;
    }

    /// <summary>A counting line as station.json holds it.</summary>
    public static JsonObject ToNode(CameraLineDocument l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var line = new JsonObject { ["name"] = l.Name };
        if (l.Points is not null)
        {
            line["points"] = l.Points;
        }

        if (l.Across is not null)
        {
            line["across"] = l.Across;
        }

        return line;
    }

    private static void Change(string path, Action<JsonObject> change)
    {
        JsonObject root;
        try
        {
            root = File.Exists(path)
                ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                    ?? throw new Cli.UsageException($"config file {path} is not a JSON object")
                : [];
        }
        catch (JsonException e)
        {
            throw new Cli.UsageException($"config file {path} is malformed: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"config file {path} cannot be read: {e.Message}", e);
        }

        change(root);
        var text = Write(root);
        StationConfigLoader.Parse(text, path); // the whole file, as the service will read it
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir))
        {
            throw new StorageEnvironmentException($"cannot write {path}: the folder {dir} does not exist");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var mode = File.Exists(path) && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(path) : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = OperatingSystem.IsWindows()
                ? new FileStream(temp, FileMode.Create, FileAccess.Write)
                : new FileStream(temp, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode }))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new StorageEnvironmentException($"cannot write {path}: {e.Message}", e);
        }
    }

    private static JsonObject ToNode(CameraConfigDocument c)
    {
        var o = new JsonObject { ["name"] = c.Name };
        if (c.Url is not null)
        {
            o["url"] = c.Url;
        }

        if (c.File is not null)
        {
            o["file"] = c.File;
        }

        if (c.Fps is { } fps)
        {
            o["fps"] = fps;
        }

        if (c.Lines is { Count: > 0 })
        {
            o["lines"] = new JsonArray([.. c.Lines.Select(l => (JsonNode)ToNode(l))]);
        }

        if (c.Zones is { Count: > 0 })
        {
            o["zones"] = new JsonArray([.. c.Zones.Select(z => (JsonNode)ToNode(z))]);
        }

        return o;
    }

    private static string Write(JsonObject root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
