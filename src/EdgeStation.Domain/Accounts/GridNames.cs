namespace EdgeStation.Domain.Accounts;

/// <summary>The grids (网格) of a grid worker: what records' <c>grid</c> field holds, e.g. "grid-1".</summary>
public static class GridNames
{
    public const int MaxGrids = 20;
    public const int MaxLength = 64;

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
