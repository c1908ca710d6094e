using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// What a command sees while the writer builds its entry: the state including entries earlier in the same
/// group commit, so two concurrent transitions of one record are validated one after the other.
/// </summary>
public interface ILedgerView
{
    LedgerHead Head { get; }
    RecordSnapshot? Find(string recordId);
    /// <summary>Allocates the next id such as "DS-2026-0042" (per type and year).</summary>
    string NextRecordId(RecordType type, int year);
}
