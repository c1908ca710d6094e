namespace EdgeStation.Station.Cli;

/// <summary>A check ran and found a problem (the ledger was tampered with). Exit code 1; the message is the finding.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
