namespace EdgeStation.Station.Config;

/// <summary>The JSON shape of station.json (docs/operations.md). Every key is optional; absent keys keep their defaults.</summary>
public sealed class StationConfigDocument
{
    public string? Village { get; set; }
    public string? TimeZone { get; set; }
    public string? DefaultGrid { get; set; }
    /// <summary>Grid id → the name the kiosk shows, e.g. { "grid-1": "东头组" }.</summary>
    public Dictionary<string, string>? Grids { get; set; }
    public List<string>? DisputeCategories { get; set; }
    public List<string>? GridEventCategories { get; set; }
    public string? EscalationAbove { get; set; }
    public DisputeDeadlinesDocument? DisputeDeadlines { get; set; }
    public SafetyIndexDocument? SafetyIndex { get; set; }
    public HttpConfigDocument? Http { get; set; }
    public SessionsConfigDocument? Sessions { get; set; }
    public SyncConfigDocument? Sync { get; set; }
    public AccessConfigDocument? Access { get; set; }
    /// <summary>The cameras (`camera add` appends here) and how long their alerts are kept.</summary>
    public List<CameraConfigDocument>? Cameras { get; set; }
    public CameraAlertsConfigDocument? CameraAlerts { get; set; }
}

public sealed class DisputeDeadlinesDocument
{
    public int? AssessmentDays { get; set; }
    public int? RedDays { get; set; }
    public int? YellowDays { get; set; }
    public int? GreenDays { get; set; }
    public int? FollowUpDays { get; set; }
}

public sealed class SafetyIndexDocument
{
    public double? NoCases { get; set; }
    public double? NoEscalatedPetitions { get; set; }
    public double? NoLawsuits { get; set; }
    public double? NoCults { get; set; }
    public double? DisputeResolution { get; set; }
    public double? PetitionOnTime { get; set; }
    public double? GridEventClosure { get; set; }
    public double? IncidentPenalty { get; set; }
}
