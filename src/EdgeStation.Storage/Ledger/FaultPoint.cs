namespace EdgeStation.Storage.Ledger;

/// <summary>Where in a batch's commit order a test can make the writer meet a refused write (<see cref="LedgerStore.FaultInjection"/>).</summary>
internal enum FaultPoint
{
    /// <summary>The journal's append and fsync: nothing of the batch is anywhere yet.</summary>
    Journal,

    /// <summary>LiteDB's commit, after the journal's fsync: the batch is durable in the journal only.</summary>
    Commit,

    /// <summary>LiteDB's rollback of the refused commit: LiteDB cannot undo its transaction (seen with a full disk).</summary>
    Rollback,
}
