namespace EdgeStation.Domain.Accounts;

/// <summary>
/// The grids (网格) of a grid worker: what records' <c>grid</c> field holds, e.g. "grid-1". A station may give its
/// grids names people use ("东头组"): the id stays in the ledger, the name is what the kiosk shows.
/// </summary>
public static class GridNames
{
    public const int MaxGrids = 20;
    public const int MaxLength = 64;
    public const int MaxDisplayLength = 32;

    /// <summary>What is wrong with a grid id and its display name, or null.</summary>
    public static string? CheckDisplayName(string grid, string name)
    {
        if (grid.Length is 0 or > MaxLength || grid.Any(c => char.IsControl(c) || c == ','))
        {
            return $"a grid id has 1 to {MaxLength} characters and no commas (got '{grid}')";
        }
        var trimmed = name.Trim();
        return trimmed.Length is 0 or > MaxDisplayLength || trimmed.Any(char.IsControl)
            ? $"the name of grid '{grid}' has 1 to {MaxDisplayLength} characters and no control characters"
            : null;
    }

    /// <summary>Checks the grids for <paramref name="role"/>: a grid worker needs at least one, nobody else has any.</summary>
    public static IReadOnlyList<string> Check(Role role, IEnumerable<string>? grids)
    {
        var list = (grids ?? []).Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (role != Role.GridWorker)
        {
            return list.Count == 0
                ? []
                : throw new AccountInputException($"--grid is only for grid workers ({RoleNames.Name(role)} sees every grid or none)");
        }
        if (list.Count == 0)
        {
            throw new AccountInputException("a grid worker needs at least one --grid (e.g. --grid grid-1)");
        }
        if (list.Count > MaxGrids)
        {
            throw new AccountInputException($"at most {MaxGrids} grids per grid worker");
        }
        foreach (var g in list)
        {
            if (g.Length is 0 or > MaxLength || g.Any(c => char.IsControl(c) || c == ','))
            {
                throw new AccountInputException($"a grid name has 1 to {MaxLength} characters and no commas (got '{g}')");
            }
        }
        return list;
    }
}
