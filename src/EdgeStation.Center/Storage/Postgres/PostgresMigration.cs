namespace EdgeStation.Center.Storage.Postgres;

/// <summary>One step of the center's schema: applied once, in its own transaction, recorded in center_schema_version.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);
