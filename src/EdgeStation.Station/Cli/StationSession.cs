using EdgeStation.Station.Accounts;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>
/// An open store and the service over it, for the length of one command. <paramref name="ownsStore"/> false: the
/// running service's store lent to a read command (<see cref="CliContext.Hosted"/>), which must stay open after it.
/// </summary>
public sealed class StationSession(LedgerStore store, RecordService service, TimeProvider time, bool ownsStore = true) : IDisposable
{
    private AccountService? _accounts;

    public LedgerStore Store { get; } = store;
    public RecordService Service { get; } = service;

    /// <summary>The accounts in the same database (`edgestation users`).</summary>
    public AccountService Accounts => _accounts ??= new AccountService(Service, new UserStore(Store), time);

    public void Dispose()
    {
        if (ownsStore)
        {
            Store.Dispose();
        }
    }
}
