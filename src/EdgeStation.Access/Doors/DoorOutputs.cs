namespace EdgeStation.Access.Doors;

/// <summary>What the door's outputs should show: the lock, the buzzer (alarms), the reader LED (green while unlocked).</summary>
public readonly record struct DoorOutputs(bool Unlocked, bool Buzzer, bool Led);
