namespace EdgeStation.Station.Kiosk;

/// <summary>
/// What every kiosk page's frame shows: title, village, which tab is active, who is logged in, the ledger anchor
/// (empty when nobody is: the login page shows no hash).
/// </summary>
public sealed record LayoutModel(string Title, string Nav, UiText Text, string Village, string Anchor)
{
    public string? User { get; init; }
    /// <summary>The session's CSRF token, for the page's scripts to send with every change.</summary>
    public string CsrfToken { get; init; } = "";
    /// <summary>After this long without a touch or key the page logs out by itself (0: not signed in, no timer).</summary>
    public int IdleSeconds { get; init; }
    /// <summary>The red banner's text while the ledger takes no writes (a full disk); null when all is well.</summary>
    public string? StorageFault { get; init; }

    /// <summary>Grid id → the name people use (station.json "grids").</summary>
    public IReadOnlyDictionary<string, string> GridNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How a grid is shown: its name, or its id when it has none.</summary>
    public string Grid(string? grid) => grid is null ? "" : GridNames.TryGetValue(grid, out var name) ? name : grid;
}
