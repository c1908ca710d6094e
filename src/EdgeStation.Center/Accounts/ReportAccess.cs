using System.Text;
using EdgeStation.Domain.Accounts;
using Microsoft.AspNetCore.Http;

namespace EdgeStation.Center.Accounts;

/// <summary>
/// Who may open the township's reports: HTTP Basic credentials of an account in accounts.json (the admin port is
/// loopback only, reached through an SSH tunnel, so the password never crosses a network in clear). Roles as on the
/// station; at the center the rankings and trends judge villages, so admin, official (township staff) and viewer read
/// them; an engineer keeps the center running and reads health and metrics, and a grid worker belongs to a village:
/// both are refused (403).
/// </summary>
public static class ReportAccess
{
    public const string Realm = "edgestation-center";

    public static bool MayReadReports(Role role) => role is Role.Admin or Role.Official or Role.Viewer;

    /// <summary>Null when the request may go on; else the answer: 401 (no or wrong credentials) or 403 (a role that may not).</summary>
    public static IResult? Check(HttpContext http, CenterAccounts accounts)
    {
        var header = http.Request.Headers.Authorization.ToString();
        (string Name, Role Role)? user = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                user = colon > 0 ? accounts.Verify(pair[..colon], pair[(colon + 1)..]) : null;
            }
            catch (FormatException)
            {
                user = null;
            }
        }
        if (user is not { } u)
        {
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
            return Results.Problem(title: "请登录 (sign in with a center account: edgestation-center users add)", statusCode: StatusCodes.Status401Unauthorized);
        }
        return MayReadReports(u.Role)
            ? null
            : Results.Problem(title: $"{u.Name} ({RoleNames.Name(u.Role)}) may not read the township's reports; admin, official and viewer may",
                statusCode: StatusCodes.Status403Forbidden);
    }
}
