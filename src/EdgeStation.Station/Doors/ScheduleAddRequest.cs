namespace EdgeStation.Station.Doors;

/// <summary>POST /api/access/schedules (`schedule add`): all text, checked once by the service.</summary>
public sealed class ScheduleAddRequest
{
    /// <summary>1–1023; none: the first free number.</summary>
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary>The weekly windows, e.g. "mon-fri 08:00-18:00; sat 09:00-12:00; holiday closed" (docs/access.md).</summary>
    public string? Week { get; set; }
    /// <summary>"true": an existing schedule of that number takes the new times.</summary>
    public string? Replace { get; set; }
}
