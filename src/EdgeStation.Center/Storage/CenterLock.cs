namespace EdgeStation.Center.Storage;

/// <summary>
/// One process owns center.db at a time (LiteDB's direct mode is not safe across processes): an exclusive
/// lock on &lt;data-dir&gt;/center.lock, held while the store is open and released by the kernel if the process dies.
/// </summary>
internal sealed class CenterLock : IDisposable
{
    public const string FileName = "center.lock";

    private readonly FileStream _stream;

    private CenterLock(FileStream stream) => _stream = stream;

    public static CenterLock Acquire(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            return new CenterLock(new FileStream(path, options));
        }
        catch (IOException e)
        {
            throw new CenterEnvironmentException($"the center database in {dataDir} is in use by another process (is 'edgestation-center run' running? stop it first, or run this command through it later)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CenterEnvironmentException($"cannot lock {path}: {e.Message}", e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
