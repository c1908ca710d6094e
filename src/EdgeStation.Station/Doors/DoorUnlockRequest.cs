namespace EdgeStation.Station.Doors;

/// <summary>POST /api/doors/{id}/unlock (`door unlock`): for how long, e.g. "5s", "90s" or "2m"; absent: the door's own pulse.</summary>
public sealed class DoorUnlockRequest
{
    public string? For { get; set; }
}
