using System.Security.Cryptography;
using System.Text;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Api;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Runs after routing, before every endpoint: security headers; refuses cross-site state changes (Origin,
/// Sec-Fetch-Site); finds the session from the <c>es_session</c> cookie; answers 401 when the endpoint's
/// <see cref="AccessRule"/> needs a login and there is none; 403 when a POST/PUT/PATCH/DELETE lacks the
/// session's CSRF token (header <c>X-CSRF-Token</c> or form field <c>_csrf</c>); 403 when the role lacks the
/// permission. Only then does the request count as activity for the idle timeout.
/// </summary>
/// <remarks>
/// A request with <c>Authorization: Bearer</c> is the local CLI instead (<see cref="LocalCliToken"/>): accepted only
/// from this box, with the service's current token, on endpoints marked <see cref="CliWriteAccess"/> (record writes)
/// or declaring <see cref="AccessRule.LocalCli"/> (the command line's read commands, which nothing else may call),
/// acting as the CLI's actor with an official's reach. No CSRF check: a bearer token is never sent by a browser on
/// its own, unlike a cookie.
/// </remarks>
public sealed class AccessMiddleware(RequestDelegate next, SessionStore sessions, LocalCliToken? cliToken = null, string? bind = null)
{
    /// <summary>Names (and a specific bind address) an Origin may carry besides loopback and the connection's own address.</summary>
    private readonly HashSet<string> _stationHosts = StationHosts(bind);

    public const string CsrfHeader = "X-CSRF-Token";
    public const string CsrfFormField = "_csrf";
    /// <summary>Sent (value 1) by the kiosk UI on timer-driven refreshes, which must not keep an idle session alive.</summary>
    public const string BackgroundHeader = "X-Background";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        // Pages load their script and stylesheet from /assets only: no inline script, no other origin, no framing.
        headers.ContentSecurityPolicy = ContentSecurityPolicy;

        var rule = http.GetEndpoint()?.Metadata.GetMetadata<AccessRule>() ?? AccessRule.SignedIn;
        var changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (changesState && CrossSite(request, http.Connection) is { } why)
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "cross-site request refused", why);
            return;
        }

        if (LocalCliToken.Presented(request) is { } presented)
        {
            await AsLocalCli(http, presented, rule);
            return;
        }

        var lookup = sessions.Resolve(request.Cookies[SessionStore.CookieName]);
        if (lookup.Ended is not null)
        {
            ClearCookie(http);
        }
        if (rule.LocalCliOnly)
        {
            // No session opens it, whatever its role: it runs the command line with an official's reach.
            await Refuse(http, lookup.Session is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, "local command line only",
                "this endpoint runs the command line's reads for the local token of this box (<data-dir>/run/cli.token); logged-in users have /api/records");
            return;
        }
        if (lookup.Session is not { } session)
        {
            if (rule.Anonymous)
            {
                await next(http);
                return;
            }
            await Unauthenticated(http, lookup.Ended);
            return;
        }
        if (changesState && rule.CheckCsrf && !await CsrfTokenMatches(http, session))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "CSRF token missing or wrong",
                $"send the session's token (csrfToken from GET /api/me) in the {CsrfHeader} header or the {CsrfFormField} form field");
            return;
        }
        if (!rule.Anonymous && !rule.Allows(session.Access))
        {
            var user = session.Access;
            if (WantsPage(request))
            {
                await ForbiddenPage(http);
                return;
            }
            await Refuse(http, StatusCodes.Status403Forbidden, "not allowed for this role", $"{user.Name} ({RoleNames.Name(user.Role)}) may not {rule.What}");
            return;
        }
        if (!rule.Anonymous && request.Headers[BackgroundHeader] != "1")
        {
            sessions.Touch(session);
        }
        http.Features.Set(session);
        await next(http);
    }

    private async Task AsLocalCli(HttpContext http, string presented, AccessRule rule)
    {
        if (!FromThisBox(http.Connection))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "local token refused", "the local CLI token is accepted only from this box");
            return;
        }
        if (cliToken is null || !cliToken.Matches(presented))
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, "wrong local token",
                "this is not the running service's local token (it is made anew at every start, in <data-dir>/run/cli.token)");
            return;
        }
        if (!rule.LocalCliOnly && http.GetEndpoint()?.Metadata.GetMetadata<CliWriteAccess>() is null)
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "not allowed for the local token",
                "the local CLI token may only write records (add, transition, amend, void) and run the command line's read commands");
            return;
        }
        string actor;
        try
        {
            actor = Cli.GlobalOptions.CheckActor(Uri.UnescapeDataString(http.Request.Headers[LocalCliToken.ActorHeader].ToString()));
        }
        catch (Cli.UsageException ex)
        {
            await Refuse(http, StatusCodes.Status400BadRequest, "invalid input", $"{LocalCliToken.ActorHeader}: {ex.Message}");
            return;
        }
        // An official's reach (every grid, personal fields): what the same command writes and prints without the service.
        http.Features.Set(new UserSession("local-cli", new UserAccess(actor, Role.Official, []), "", 0));
        http.Features.Set(new CliCaller(actor));
        await next(http);
    }

    /// <summary>Loopback, or a connection from one of this box's own addresses (a service bound to a LAN address only).</summary>
    private static bool FromThisBox(ConnectionInfo connection)
    {
        var remote = connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        var local = connection.LocalIpAddress is { IsIPv4MappedToIPv6: true } l ? l.MapToIPv4() : connection.LocalIpAddress;
        return System.Net.IPAddress.IsLoopback(remote) || remote.Equals(local);
    }

    private static HashSet<string> StationHosts(string? bind)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" };
        if (bind is { Length: > 0 } b && b is not ("0.0.0.0" or "::" or "*" or "+"))
        {
            hosts.Add(b.Trim('[', ']'));
        }
        var machine = System.Net.Dns.GetHostName();
        if (machine.Length > 0)
        {
            hosts.Add(machine);
            hosts.Add(machine + ".local"); // mDNS, how a village LAN usually finds the box
        }
        return hosts;
    }

    public static void ClearCookie(HttpContext http) =>
        http.Response.Cookies.Delete(SessionStore.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });

    /// <summary>
    /// No (live) session. API callers get a 401 problem; a browser asking for a kiosk page (GET, Accept: text/html,
    /// outside /api) is sent to the login page.
    /// </summary>
    private static Task Unauthenticated(HttpContext http, string? ended)
    {
        var request = http.Request;
        if (WantsPage(request))
        {
            // A person at the kiosk: to the login page, and back here afterwards.
            http.Response.Redirect("/login?next=" + Uri.EscapeDataString(request.Path + request.QueryString));
            return Task.CompletedTask;
        }
        return Refuse(http, StatusCodes.Status401Unauthorized, "log in first",
            ended is null ? "this needs a logged-in user: POST /login with name and secret" : $"{ended}: log in again");
    }

    /// <summary>A person's browser asking for a kiosk page (GET, Accept: text/html, outside /api), not a program.</summary>
    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>A role refusal a person can read at the kiosk, instead of a JSON problem.</summary>
    private Task ForbiddenPage(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(_forbiddenPage);
    }

    private readonly string _forbiddenPage = ForbiddenHtml(Kiosk.UiText.Load());

    private static string ForbiddenHtml(Kiosk.UiText t) =>
        $"""
        <!DOCTYPE html><html lang="{t.Culture}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{t["error.forbidden.title"]} · {t["app.title"]}</title><link href="/assets/kiosk.css" rel="stylesheet"></head>
        <body><main><h2 id="forbidden">{t["error.forbidden.title"]}</h2><p>{t["error.forbidden"]}</p>
        <div class="actions"><a class="button" href="/">{t["nav.home"]}</a></div></main></body></html>
        """;

    private string? CrossSite(HttpRequest request, ConnectionInfo connection)
    {
        if (request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            return "the browser marked this request as coming from another site";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsStationOrigin(origin, request.Scheme, connection))
        {
            return $"the request comes from {origin}, not from this station";
        }
        return null;
    }

    /// <summary>
    /// The page that sent the request was served by this station: the same scheme and port as this connection, and
    /// a host that names the station, never one taken from the request (a DNS-rebinding page sends its own name in
    /// both Host and Origin): loopback, the configured bind address, the address this connection reached, or the
    /// box's host name.
    /// </summary>
    private bool IsStationOrigin(string origin, string scheme, ConnectionInfo connection)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || !string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
            || uri.Port != connection.LocalPort)
        {
            return false;
        }
        var host = uri.IdnHost.Trim('[', ']');
        if (System.Net.IPAddress.TryParse(host, out var address))
        {
            var local = connection.LocalIpAddress is { IsIPv4MappedToIPv6: true } l ? l.MapToIPv4() : connection.LocalIpAddress;
            return System.Net.IPAddress.IsLoopback(address) || address.Equals(local) || _stationHosts.Contains(address.ToString());
        }
        return _stationHosts.Contains(host);
    }

    private static async Task<bool> CsrfTokenMatches(HttpContext http, UserSession session)
    {
        string? sent = http.Request.Headers[CsrfHeader];
        if (string.IsNullOrEmpty(sent) && http.Request.HasFormContentType)
        {
            try
            {
                sent = (await http.Request.ReadFormAsync(http.RequestAborted))[CsrfFormField];
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return false;
            }
        }
        return !string.IsNullOrEmpty(sent)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(session.CsrfToken));
    }

    private static Task Refuse(HttpContext http, int status, string title, string detail) =>
        ApiProblem.Problem(status, title, detail).ExecuteAsync(http);
}
