using System.Text;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// What reading a damaged station.db throws. LiteDB decodes whatever bytes a page holds, so one changed byte
/// surfaces as any of these (a bad UTF-8 sequence, a length past the page, a type tag it does not know) rather
/// than as one "corrupt" error. Every read of stored data turns them into a <see cref="StorageEnvironmentException"/>
/// (exit 3, HTTP 503) that says what to do, instead of a crash.
/// </summary>
internal static class StoredDataException
{
    public static bool IsDamage(Exception ex) => ex is LiteException { ErrorCode: not LiteException.ENGINE_DISPOSED }
        or InvalidCastException
        or KeyNotFoundException
        or DecoderFallbackException
        or ArgumentException // ArgumentOutOfRangeException among them: an offset or length read from a page
        or IndexOutOfRangeException
        or FormatException
        or OverflowException
        or InvalidDataException
        or EndOfStreamException
        or NullReferenceException // a page pointer that leads nowhere
        or InvalidOperationException
        or NotSupportedException // "BSON type not supported": a type tag changed
        or NotImplementedException; // LiteDB reaching a branch for a type tag no writer uses

    public static StorageEnvironmentException Damaged(string dataDir, Exception ex) => new(
        $"{Path.Combine(dataDir, LedgerStore.FileName)} is damaged: a stored page could not be read ({ex.GetType().Name}: {ex.Message}). " +
        "Nothing was changed. Run 'edgestation records verify'; restore the file from a backup if the ledger itself is hit.", ex);

    /// <summary>
    /// Runs one read of stored data, turning damage into <see cref="StorageEnvironmentException"/>. A read that meets the
    /// LiteDB instance the writer has just closed (it reopens one after a refused write, LedgerStore.Faults.cs) runs again
    /// on the new one: <paramref name="read"/> must take the store's collections afresh each time, never hold one.
    /// </summary>
    public static T Read<T>(string dataDir, Func<T> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return read();
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.ENGINE_DISPOSED)
            {
                if (attempt == ReopenAttempts)
                {
                    throw Closed(dataDir, ex);
                }
                // The writer disposes the old instance and binds the new one within a few milliseconds.
                Thread.Sleep(Math.Min(attempt * attempt, 50));
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                throw Damaged(dataDir, ex);
            }
        }
    }

    private static StorageEnvironmentException Closed(string dataDir, Exception ex) => new(
        $"the station database in {dataDir} was closed while it was read (the service is stopping, or could not reopen it " +
        "after a refused write); nothing was changed, try again", ex);

    /// <summary>Reads of a closed instance retried before giving up (~0.5 s in all): the reopen itself takes milliseconds.</summary>
    internal const int ReopenAttempts = 14;

    /// <summary>Streams <paramref name="source"/>, turning damage met on the way into <see cref="StorageEnvironmentException"/>.</summary>
    public static IEnumerable<T> Stream<T>(string dataDir, Func<IEnumerable<T>> source)
    {
        using var e = Read(dataDir, () => source().GetEnumerator());
        while (true)
        {
            T item;
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
                item = e.Current;
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.ENGINE_DISPOSED)
            {
                throw Closed(dataDir, ex);
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                throw Damaged(dataDir, ex);
            }
            yield return item;
        }
    }
}
