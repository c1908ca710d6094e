using EdgeStation.Station.Accounts;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>An open store and the service over it, for the length of one command.</summary>
public sealed class StationSession(LedgerStore store, RecordService service, TimeProvider time) : IDisposable
{
    private AccountService? _accounts;

    public LedgerStore Store { get; } = store;
    public RecordService Service { get; } = service;

    /// <summary>The accounts in the same database (`edgestation users`).</summary>
    public AccountService Accounts => _accounts ??= new AccountService(Service, new UserStore(Store), time);

    public void Dispose() => Store.Dispose();
}
