using System.Text;

namespace EdgeStation.Station.Doors;

/// <summary>
/// Replaces a small owner-only (0600) text file of the data dir whole: written to PATH.new, fsync'ed, renamed over
/// PATH, so a crash leaves the old content or the new, never half. The door PIN file and the door mode file use it.
/// </summary>
internal static class OwnerOnlyTextFile
{
    /// <summary>Throws the <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> met, after removing PATH.new.</summary>
    public static void Replace(string path, string asciiText)
    {
        var temporary = path + ".new";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var f = new FileStream(temporary, options))
            {
                f.Write(Encoding.ASCII.GetBytes(asciiText));
                f.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // A leftover .new file is overwritten at the next change.
            }
            throw;
        }
    }
}
