namespace EdgeStation.Access.Doors;

/// <summary>A configured door and its live state machine, as the decider and the controller see it.</summary>
public sealed record DoorUnit(DoorSettings Settings, DoorLogic Logic);
