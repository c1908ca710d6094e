namespace EdgeStation.Domain.Doors;

/// <summary>An access level (门禁权限组): doors × weekly schedules, given to persons.</summary>
public sealed record AccessLevel(int Id, string Name, IReadOnlyList<LevelDoor> Doors);
