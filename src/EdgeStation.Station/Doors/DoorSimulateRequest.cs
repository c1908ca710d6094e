namespace EdgeStation.Station.Doors;

/// <summary>POST /api/doors/{id}/simulate: what the outside world does at the door (`door simulate`), shared by the API and the CLI.</summary>
public sealed class DoorSimulateRequest
{
    /// <summary>swipe, pin, rex, open, close or alarm.</summary>
    public string? Action { get; set; }
    /// <summary>The card (FACILITY:NUMBER) for swipe, the digits for pin.</summary>
    public string? Value { get; set; }
}
