namespace EdgeStation.Station.Api;

/// <summary>POST /login as JSON (a form with the same field names works too).</summary>
public sealed class LoginRequest
{
    public string? Name { get; set; }
    public string? Secret { get; set; }
}
