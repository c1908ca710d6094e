namespace EdgeStation.Storage.Ledger;

/// <summary>What opening the store does about the stored state (records, accounts, counters) and its digest.</summary>
public enum StateCheck
{
    /// <summary>Refuse to open (<see cref="StateDisagreesException"/>) when the stored state is not the one the writer left.</summary>
    Required,

    /// <summary>Open anyway and report the finding in <see cref="LedgerStore.StateProblem"/>: for `records verify` and `records rebuild`.</summary>
    Report,
}
