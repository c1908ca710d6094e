using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Endpoint metadata saying who may call it (<c>.WithMetadata(AccessRule.…)</c>); <see cref="AccessMiddleware"/>
/// enforces it. An endpoint without a rule is treated as <see cref="SignedIn"/>, and a test insists every
/// endpoint declares one.
/// </summary>
public sealed class AccessRule
{
    private AccessRule(bool anonymous, bool checkCsrf, string what, IReadOnlyList<Permission> anyOf, bool localCliOnly = false)
    {
        Anonymous = anonymous;
        CheckCsrf = checkCsrf;
        What = what;
        AnyOf = anyOf;
        LocalCliOnly = localCliOnly;
    }

    /// <summary>Anyone (health checks, logout); a logged-in caller's state-changing request still needs its CSRF token.</summary>
    public static AccessRule Public { get; } = new(true, true, "", []);

    /// <summary>POST /login only: anyone, and no CSRF token (there is no session yet; the Origin check still applies).</summary>
    public static AccessRule Login { get; } = new(true, false, "", []);

    /// <summary>Any logged-in user, whatever the role.</summary>
    public static AccessRule SignedIn { get; } = new(false, true, "", []);

    /// <summary>
    /// The command line on this box only, with the service's local token (<see cref="LocalCliToken"/>): every session,
    /// an admin's included, is refused (403), and so is a caller with neither (401).
    /// </summary>
    public static AccessRule LocalCli { get; } = new(false, false, "run the command line's reads", [], localCliOnly: true);

    /// <summary>A logged-in user holding at least one of <paramref name="anyOf"/>; <paramref name="what"/> words the refusal.</summary>
    public static AccessRule Requires(string what, params Permission[] anyOf) => new(false, true, what, anyOf);

    public bool Anonymous { get; }
    public bool CheckCsrf { get; }
    public string What { get; }
    public IReadOnlyList<Permission> AnyOf { get; }
    public bool LocalCliOnly { get; }

    public bool Allows(UserAccess user) => AnyOf.Count == 0 || AnyOf.Any(user.Has);
}
