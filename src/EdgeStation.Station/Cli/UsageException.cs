namespace EdgeStation.Station.Cli;

/// <summary>A command-line or configuration mistake the person can fix. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
