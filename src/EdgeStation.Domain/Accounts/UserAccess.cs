namespace EdgeStation.Domain.Accounts;

/// <summary>The acting user as the checks see them: name, role and (for grid workers) their grids.</summary>
public sealed record UserAccess(string Name, Role Role, IReadOnlyList<string> Grids)
{
    /// <summary>How the ledger names this user as the actor of a write.</summary>
    public string Actor => "user:" + Name;

    public bool Has(Permission permission) => RolePermissions.Has(Role, permission);

    /// <summary>Can write some record (any grid, or only their own).</summary>
    public bool CanWriteRecords => Has(Permission.WriteRecords) || Has(Permission.WriteRecordsOwnGrids);

    public bool OwnsGrid(string? grid) => grid is not null && Grids.Contains(grid, StringComparer.Ordinal);

    /// <summary>May see the personal fields of a record in <paramref name="grid"/>.</summary>
    public bool CanSeePersonal(string? grid) =>
        Has(Permission.ReadPersonal) || (Has(Permission.ReadPersonalOwnGrids) && OwnsGrid(grid));

    /// <summary>May create or change a record in <paramref name="grid"/>.</summary>
    public bool CanWrite(string? grid) =>
        Has(Permission.WriteRecords) || (Has(Permission.WriteRecordsOwnGrids) && OwnsGrid(grid));

    /// <summary>Throws <see cref="AccessDeniedException"/> unless this user may write a record in <paramref name="grid"/>.</summary>
    public void EnsureCanWrite(string? grid)
    {
        if (!CanWrite(grid))
        {
            throw new AccessDeniedException(CanWriteRecords
                ? $"{Name} ({RoleNames.Name(Role)}) writes only records of grid {string.Join(", ", Grids)}; this one is in '{grid}'"
                : $"{Name} ({RoleNames.Name(Role)}) may not write records");
        }
    }
}
