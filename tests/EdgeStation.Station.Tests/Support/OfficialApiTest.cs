using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// What most API tests start from: a fresh <see cref="ApiStation"/> for each test (real LiteDB file, real Kestrel on
/// loopback) and an official, wangfang, signed in on <see cref="Http"/> (session cookie and CSRF header set).
/// </summary>
public abstract class OfficialApiTest : IAsyncLifetime
{
    /// <summary>A record any signed-in writer may add: a grid event with only its category.</summary>
    public const string NewEvent = """{"type":"grid-event","fields":{"category":"environment"}}""";

    protected ApiStation Station { get; private set; } = null!;

    /// <summary>The official's client.</summary>
    protected HttpClient Http { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Station = await ApiStation.StartAsync();
        Http = await Station.SignedInAsync("wangfang", Role.Official);
    }

    public async Task DisposeAsync() => await Station.DisposeAsync();
}
