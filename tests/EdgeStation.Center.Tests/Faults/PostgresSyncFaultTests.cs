using EdgeStation.Center.Tests.Support;

namespace EdgeStation.Center.Tests.Faults;

/// <summary>The faults with the center on a real PostgreSQL (a database of its own per test).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSyncFaultTests(PostgresServer server) : SyncFaultContract
{
    protected override string? Database()
    {
        Skip.If(server.Missing is not null, server.Missing);
        return server.CreateDatabase();
    }
}
