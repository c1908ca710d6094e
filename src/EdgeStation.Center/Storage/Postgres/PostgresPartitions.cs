using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

/// <summary>
/// The envelopes table's monthly partitions (range on received_at, UTC months), made when a month is first needed:
/// this month and the next at start, and before each transaction the month it runs in. Each month is asked of the
/// server once per process (CREATE TABLE IF NOT EXISTS), so the ingest path does no DDL.
/// </summary>
internal sealed class PostgresPartitions
{
    private readonly ConcurrentDictionary<DateTimeOffset, bool> _made = new();

    public static DateTimeOffset MonthStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static string Name(DateTimeOffset month) => string.Create(CultureInfo.InvariantCulture, $"envelopes_y{month.Year:D4}m{month.Month:D2}");

    public bool Known(DateTimeOffset at) => _made.ContainsKey(MonthStart(at));

    /// <summary>After the transaction that made a month's partition committed (a rolled-back one made nothing).</summary>
    public void Remember(DateTimeOffset at) => _made[MonthStart(at)] = true;

    /// <summary>
    /// Makes the partition of the month <paramref name="at"/> falls in, unless this process already did. Inside a
    /// <paramref name="transaction"/> the month is not remembered: call <see cref="Remember"/> after its commit.
    /// </summary>
    public void Ensure(NpgsqlConnection connection, DateTimeOffset at, NpgsqlTransaction? transaction = null)
    {
        var month = MonthStart(at);
        if (_made.ContainsKey(month))
        {
            return;
        }
        var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Names and bounds come from a date, never from input.
        using var command = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {Name(month)} PARTITION OF envelopes FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')",
            connection, transaction);
        command.ExecuteNonQuery();
        if (transaction is null)
        {
            _made[month] = true;
        }
    }
}
