namespace EdgeStation.Station.Doors;

/// <summary>POST /api/access/persons (`person add`): all text, checked once by the service.</summary>
public sealed class PersonAddRequest
{
    public string? Name { get; set; }
    /// <summary>Access level ids, comma-separated ("1,2"); none: the person opens no door until given a level.</summary>
    public string? Levels { get; set; }
    /// <summary>First and last valid day (inclusive, station time), yyyy-MM-dd; each optional.</summary>
    public string? From { get; set; }
    public string? Until { get; set; }
}
