using System.Security.Cryptography;
using System.Text;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// The running service's local token: 256 random bits, made anew at every start, written to
/// <c>&lt;data-dir&gt;/run/cli.token</c> (mode 0600, see <see cref="ServiceRunFiles"/>) and presented by the CLI as
/// <c>Authorization: Bearer …</c> so that its record writes go through the service that holds the database.
/// Whoever can read that file can already write <c>station.db</c> itself: it grants nothing new.
/// </summary>
public sealed class LocalCliToken
{
    public const string Scheme = "Bearer";
    /// <summary>Who is acting (the CLI's --actor, default cli:USER), percent-encoded: header values are ASCII.</summary>
    public const string ActorHeader = "X-EdgeStation-Actor";

    private readonly byte[] _value;

    private LocalCliToken(string value)
    {
        Value = value;
        _value = Encoding.ASCII.GetBytes(value);
    }

    public string Value { get; }

    public static LocalCliToken Create() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    /// <summary>Constant time: a wrong token says nothing about the right one.</summary>
    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), _value);

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null when the request has none.</summary>
    public static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(Scheme.Length + 1)..].Trim() : null;
    }
}
