namespace EdgeStation.Center.Cli;

/// <summary>The command was asked for something wrong (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);
