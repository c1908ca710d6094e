using System.Text.Json;

namespace EdgeStation.Station.Api;

/// <summary>POST /api/records: a new record. Field keys are the ledger's (docs/operations.md); values strings or numbers.</summary>
public sealed class CreateRecordRequest
{
    public string? Type { get; set; }
    public Dictionary<string, JsonElement>? Fields { get; set; }
}

/// <summary>POST /api/records/{id}/transitions: a workflow action and what it needs.</summary>
public sealed class TransitionRequest
{
    public string? Action { get; set; }
    public string? Note { get; set; }
    public string? Risk { get; set; }
    public string? To { get; set; }
    public JsonElement? Days { get; set; }
    public string? Reason { get; set; }
    /// <summary>extend: the head of the unit who approved it.</summary>
    public string? ApprovedBy { get; set; }
    public string? Satisfaction { get; set; }
    public string? Level { get; set; }
    /// <summary>When the step happened, local YYYY-MM-DD[THH:mm], if it is recorded later (default: now).</summary>
    public string? At { get; set; }
}

/// <summary>POST /api/records/{id}/amendments.</summary>
public sealed class AmendRequest
{
    public Dictionary<string, JsonElement>? Fields { get; set; }
    public string? Reason { get; set; }
}

/// <summary>POST /api/records/{id}/void.</summary>
public sealed class VoidRequest
{
    public string? Reason { get; set; }
}

/// <summary>GET /api/ledger/head.</summary>
public sealed record LedgerHeadResponse(long Seq, string Hash, string Anchor);

/// <summary>GET /healthz.</summary>
public sealed record HealthResponse(string Status, long LedgerSeq, double UptimeSeconds);
