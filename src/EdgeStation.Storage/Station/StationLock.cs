namespace EdgeStation.Storage.Station;

/// <summary>
/// One owner process per database (LiteDB's shared mode is not safe across processes under AOT).
/// An exclusive open of station.lock takes an flock(2) on Linux, released by the kernel if the process dies.
/// </summary>
internal sealed class StationLock : IDisposable
{
    private readonly FileStream _stream;

    private StationLock(FileStream stream) => _stream = stream;

    public const string FileName = "station.lock";

    public static StationLock Acquire(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        try
        {
            return new StationLock(new FileStream(path, DataDirAccess.OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1)));
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new StorageEnvironmentException(
                $"the station database in {dataDir} is in use by another process (is the edgestation service running?). " +
                "Stop it first (systemctl stop edgestation) or make the change through the kiosk/API; nothing was changed.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
