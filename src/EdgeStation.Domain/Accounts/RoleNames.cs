namespace EdgeStation.Domain.Accounts;

/// <summary>The command-line and JSON names of the roles: admin, official, grid-worker, viewer, engineer.</summary>
public static class RoleNames
{
    private static readonly (Role Role, string Name)[] Names =
    [
        (Role.Admin, "admin"),
        (Role.Official, "official"),
        (Role.GridWorker, "grid-worker"),
        (Role.Viewer, "viewer"),
        (Role.Engineer, "engineer"),
    ];

    public static IReadOnlyList<Role> All { get; } = [.. Names.Select(n => n.Role)];

    public static string AllNames { get; } = string.Join(", ", Names.Select(n => n.Name));

    public static string Name(Role role) => Names.First(n => n.Role == role).Name;

    public static bool TryParse(string? name, out Role role)
    {
        foreach (var (r, n) in Names)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    public static Role Parse(string? name) =>
        TryParse(name, out var role) ? role : throw new AccountInputException($"role must be one of {AllNames} (got '{name}')");
}
