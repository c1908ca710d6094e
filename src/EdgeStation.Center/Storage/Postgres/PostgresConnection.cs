using System.Net.Sockets;
using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

/// <summary>The `--db` string: read and checked before anything connects, and the server's refusals put in words.</summary>
internal static class PostgresConnection
{
    public const string Example = "Host=127.0.0.1;Port=5432;Database=edgestation_center;Username=center;Password=…";

    /// <summary>Npgsql's own parser; anything it refuses, or a string with no Host, is a usage error (exit 2).</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            // Values are checked when read, not when the string is parsed (Port=abc passes the constructor).
            _ = builder.Port;
            _ = builder.Timeout;
            _ = builder.SslMode;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new Cli.UsageException($"--db is not a PostgreSQL connection string: {e.Message} (expected e.g. \"{Example}\")");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new Cli.UsageException($"--db names no Host (expected e.g. \"{Example}\")");
        }
        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new Cli.UsageException($"--db names no Database (expected e.g. \"{Example}\")");
        }
        builder.ApplicationName ??= "edgestation-center";
        return builder;
    }

    /// <summary>Host, port, database and user: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"PostgreSQL database '{b.Database}' at {b.Host}:{b.Port} as '{b.Username ?? Environment.UserName}'";

    /// <summary>Runs <paramref name="work"/>; a server that cannot be reached or refuses becomes exit 3 with what to check.</summary>
    public static void Guard(NpgsqlConnectionStringBuilder b, Action work)
    {
        var where = $"{b.Host}:{b.Port}";
        try
        {
            work();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            throw new CenterEnvironmentException($"PostgreSQL at {where} refused the login of '{b.Username}': {e.MessageText} (check Username and Password in --db, and the server's pg_hba.conf)", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new CenterEnvironmentException($"PostgreSQL at {where} has no database '{b.Database}' (create it first: createdb -O {b.Username ?? "USER"} {b.Database})", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new CenterEnvironmentException($"PostgreSQL user '{b.Username}' may not create the center's tables in '{b.Database}': {e.MessageText} (make it the database's owner)", e);
        }
        catch (PostgresException e)
        {
            throw new CenterEnvironmentException($"PostgreSQL at {where} refused: {e.SqlState} {e.MessageText}", e);
        }
        catch (NpgsqlException e)
        {
            var why = e.InnerException is SocketException s ? s.Message : e.InnerException is TimeoutException ? "no answer in time" : e.Message;
            throw new CenterEnvironmentException($"cannot reach PostgreSQL at {where}: {why} (is the server running and listening there? check Host and Port in --db, listen_addresses, and the firewall)", e);
        }
        catch (TimeoutException e)
        {
            throw new CenterEnvironmentException($"cannot reach PostgreSQL at {where}: no answer in time (check Host and Port in --db, and the network)", e);
        }
    }
}
