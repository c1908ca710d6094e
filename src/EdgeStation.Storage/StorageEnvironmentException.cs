namespace EdgeStation.Storage;

/// <summary>
/// The environment stops the store: database held by another process, not a LiteDB file, disk full,
/// read-only medium. Maps to exit code 3; nothing was written.
/// </summary>
public class StorageEnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
