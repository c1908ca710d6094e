namespace EdgeStation.Station.Doors;

/// <summary>POST /api/access/persons/{id}/pin (`pin set`): the PIN (4–8 digits, never stored or logged as such) and whether it is the duress PIN.</summary>
public sealed class PinSetRequest
{
    public string? Pin { get; set; }
    /// <summary>"true" for the duress PIN (胁迫码: opens and raises a silent alarm); absent or "false" for the ordinary one.</summary>
    public string? Duress { get; set; }
}
