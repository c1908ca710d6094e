namespace EdgeStation.Storage.Outbox;

/// <summary>
/// What an outbox entry carries. The numbers are stored in outbox.db: never renumber. Only <see cref="Health"/> may be
/// dropped when the outbox is full (a newer one says the same); the others are the village's figures and its ledger's
/// fingerprint, which the center must receive.
/// </summary>
public enum OutboxKind
{
    HourlySummary = 1,
    DailyClose = 2,
    LedgerDigests = 3,
    Health = 4,
    CameraCounts = 6,
}
