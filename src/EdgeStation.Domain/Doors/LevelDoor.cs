namespace EdgeStation.Domain.Doors;

/// <summary>One door of an access level and the schedule during which the level opens it.</summary>
public readonly record struct LevelDoor(int Door, int Schedule);
