namespace EdgeStation.Center;

/// <summary>Something outside the command is not as needed: files, database, lock, port (exit 3). The message says what to check.</summary>
public sealed class CenterEnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
