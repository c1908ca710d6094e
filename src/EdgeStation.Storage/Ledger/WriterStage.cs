namespace EdgeStation.Storage.Ledger;

/// <summary>The steps of one group commit, in order (<see cref="LedgerStore"/>'s CommitBatch).</summary>
public enum WriterStage
{
    /// <summary>Builders run, entries sealed and folded into the batch's view, in memory.</summary>
    Build,

    /// <summary>The batch appended to station.journal and fsync'ed: the durability point.</summary>
    Journal,

    /// <summary>The unapplied batch, summaries and head published; callers acknowledged.</summary>
    Acknowledge,

    /// <summary>The writer waiting for the applier: for room (it is <see cref="LedgerStore.MaxUnapplied"/> batches ahead), or for the commit of a batch acknowledged after it.</summary>
    ApplierWait,

    /// <summary>Applier thread: entries, projection, side writes and state digest written into LiteDB's transaction.</summary>
    Apply,

    /// <summary>Applier thread: LiteDB's commit.</summary>
    Commit,

    /// <summary>A LiteDB checkpoint and an emptied journal, once the journal passed its size (<see cref="LedgerStore.JournalCheckpointBytes"/>).</summary>
    Checkpoint,
}
