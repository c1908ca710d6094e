namespace EdgeStation.Station.Doors;

/// <summary>POST /api/access/levels (`level add`): all text, checked once by the service.</summary>
public sealed class LevelAddRequest
{
    /// <summary>1–1023; none: the first free number.</summary>
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary>Doors and their schedules, "1@0,2@1" (door 1 at any time, door 2 on schedule 1).</summary>
    public string? Doors { get; set; }
    /// <summary>"true": an existing level of that number takes the new doors.</summary>
    public string? Replace { get; set; }
}
