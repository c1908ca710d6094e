namespace EdgeStation.Station.Cli;

/// <summary>
/// Checks `run --urls` before anything is opened: Kestrel's own answer to a bad address is an exception with a stack
/// trace (FormatException, "Unrecognized scheme", a port out of range) after the database is already created.
/// </summary>
public static class ListenUrls
{
    /// <summary>Throws <see cref="UsageException"/> naming the first entry that is not http(s)://HOST[:PORT].</summary>
    public static void Check(string? urls)
    {
        if (urls is null)
        {
            return;
        }
        var entries = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw Bad(urls);
        }
        foreach (var entry in entries)
        {
            var sep = entry.IndexOf("://", StringComparison.Ordinal);
            var scheme = sep < 0 ? "" : entry[..sep].ToLowerInvariant();
            if (scheme is not ("http" or "https"))
            {
                throw Bad(entry);
            }
            // Kestrel takes * and + for "every address"; Uri does not parse them as hosts.
            var rest = entry[(sep + 3)..];
            var probe = scheme + "://" + (rest.StartsWith('*') || rest.StartsWith('+') ? "0.0.0.0" + rest[1..] : rest);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Host.Length == 0
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw Bad(entry);
            }
        }
    }

    private static UsageException Bad(string entry) =>
        new($"--urls: '{entry}' is not an address to listen on (http://HOST:PORT or https://HOST:PORT, several separated by ';')");
}
