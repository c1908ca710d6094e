using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// <c>&lt;data-dir&gt;/run/</c> (mode 0700) while the service runs: <c>service.json</c> (where it listens, its pid and
/// data dir) and <c>cli.token</c> (the <see cref="LocalCliToken"/>, mode 0600, owned like the data). Written once
/// Kestrel listens, removed on a graceful stop. After a crash they stay behind: the CLI trusts them only while the
/// database lock is held, so stale files are ignored.
/// </summary>
public static class ServiceRunFiles
{
    public const string DirName = "run";
    public const string InfoFile = "service.json";
    public const string TokenFile = "cli.token";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Dir(string dataDir) => Path.Combine(dataDir, DirName);

    public static void Publish(string dataDir, IEnumerable<string> urls, LocalCliToken token, string? certificateSha256)
    {
        var dir = Dir(dataDir);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, OwnerOnly | UnixFileMode.UserExecute);
        }
        // The token first: a service.json must never point at a token file of an earlier start.
        WriteAtomically(Path.Combine(dir, TokenFile), Encoding.ASCII.GetBytes(token.Value + "\n"));
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("urls");
            foreach (var url in urls)
            {
                w.WriteStringValue(url);
            }
            w.WriteEndArray();
            w.WriteString("dataDir", Path.GetFullPath(dataDir));
            w.WriteNumber("pid", Environment.ProcessId);
            if (certificateSha256 is not null)
            {
                w.WriteString("certificateSha256", certificateSha256);
            }
            w.WriteEndObject();
        }
        WriteAtomically(Path.Combine(dir, InfoFile), buffer.WrittenSpan.ToArray());
    }

    /// <summary>Removes the files if they are still this start's (the lock means no other service wrote them since).</summary>
    public static void Withdraw(string dataDir, LocalCliToken token)
    {
        var dir = Dir(dataDir);
        try
        {
            if (ReadToken(dataDir) is { } written && token.Matches(written))
            {
                File.Delete(Path.Combine(dir, InfoFile));
                File.Delete(Path.Combine(dir, TokenFile));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind they are harmless: without the lock held the CLI ignores them.
        }
    }

    /// <summary>service.json, or null when there is none or it cannot be read as one.</summary>
    public static ServiceInfo? TryRead(string dataDir)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Dir(dataDir), InfoFile)));
            var root = doc.RootElement;
            var urls = root.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
            var cert = root.TryGetProperty("certificateSha256", out var c) ? c.GetString() : null;
            return new ServiceInfo(urls, root.GetProperty("dataDir").GetString()!, root.GetProperty("pid").GetInt32(), cert);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The token file's content, or null when there is none. Throws <see cref="UnauthorizedAccessException"/> when not ours to read.</summary>
    public static string? ReadToken(string dataDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Dir(dataDir), TokenFile)).Trim();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A temp file created 0600, then renamed over the old one: readers see the old file or the whole new one.</summary>
    private static void WriteAtomically(string path, byte[] content)
    {
        var temp = path + ".tmp";
        File.Delete(temp); // a leftover from a crash could have another mode: the new file is always created 0600
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
