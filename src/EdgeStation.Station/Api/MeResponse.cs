namespace EdgeStation.Station.Api;

/// <summary>POST /login and GET /api/me: who is logged in, and the CSRF token every state-changing request must carry.</summary>
public sealed record MeResponse(string Name, string Role, IReadOnlyList<string> Grids, string CsrfToken, int IdleTimeoutSeconds);
