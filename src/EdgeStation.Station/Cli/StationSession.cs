using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>An open store and the service over it, for the length of one command.</summary>
public sealed class StationSession(LedgerStore store, RecordService service) : IDisposable
{
    public LedgerStore Store { get; } = store;
    public RecordService Service { get; } = service;

    public void Dispose() => Store.Dispose();
}
