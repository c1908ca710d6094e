namespace EdgeStation.Access.Doors;

/// <summary>An admin's setting for a door (logged): normal decisions, lockdown (封锁: nobody in, no exit button), or free passage (常开).</summary>
public enum DoorMode
{
    Normal,
    Lockdown,
    FreePassage,
}
