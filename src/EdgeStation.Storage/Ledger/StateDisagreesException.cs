namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The stored records, accounts or id counters are not what the ledger's writer left there (edited with another tool, or
/// a damaged page): nothing is served from them and nothing is written on top of them until `edgestation records
/// rebuild` re-derives them from the ledger. Exit 3 like any other refused database.
/// </summary>
public sealed class StateDisagreesException(string message) : StorageEnvironmentException(message);
