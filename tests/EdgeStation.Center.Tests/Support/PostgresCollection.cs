namespace EdgeStation.Center.Tests.Support;

/// <summary>The test classes that share one <see cref="PostgresServer"/> (started once, stopped after the last of them).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
