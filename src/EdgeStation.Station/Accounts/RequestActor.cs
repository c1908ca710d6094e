namespace EdgeStation.Station.Accounts;

/// <summary>Who the ledger names as the actor of a request's write.</summary>
public static class RequestActor
{
    /// <summary>The CLI's actor (e.g. "cli:wang") for a request with the local token, else "user:NAME" of the session.</summary>
    public static string Actor(this HttpContext http) => http.Features.Get<CliCaller>()?.Actor ?? http.Access().Actor;
}
