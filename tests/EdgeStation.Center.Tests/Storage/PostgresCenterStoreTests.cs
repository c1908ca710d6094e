using EdgeStation.Center.Storage;
using EdgeStation.Center.Storage.Postgres;
using EdgeStation.Center.Tests.Support;

namespace EdgeStation.Center.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL (a database of its own per test).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCenterStoreTests(PostgresServer server) : CenterStoreContract
{
    private string? _database;

    protected override ICenterStore OpenStore()
    {
        Skip.If(server.Missing is not null, server.Missing);
        _database ??= server.CreateDatabase();
        return PostgresCenterStore.Open(_database, Time);
    }
}
