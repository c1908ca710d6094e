namespace EdgeStation.Station.Doors;

/// <summary>POST /api/doors/{id}/simulate: what the outside world does at the door (`door simulate`), shared by the API and the CLI.</summary>
public sealed class DoorSimulateRequest
{
    /// <summary>swipe, pin, rex, open, close or alarm.</summary>
    public string? Action { get; set; }
    /// <summary>The card (FACILITY:NUMBER) for swipe, the digits for pin.</summary>
    public string? Value { get; set; }
    /// <summary>Which side's reader, for swipe and pin: "in" (default) or "out"; an OSDP reader when the door has one there.</summary>
    public string? Reader { get; set; }
}
