namespace EdgeStation.Storage.Access;

/// <summary>A write refused by <see cref="DiskReserve"/> before anything reached the disk: ENOSPC (28), as the disk would say.</summary>
public sealed class DiskReserveException(string message) : IOException(message, 28);
