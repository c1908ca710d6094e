using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Tests.Config;

public sealed class SessionsConfigTests
{
    [Fact]
    public void Without_a_sessions_section_the_kiosk_defaults_apply()
    {
        var config = StationConfigLoader.Parse("{}", "station.json");

        Assert.Equal(TimeSpan.FromMinutes(10), config.Sessions.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(12), config.Sessions.AbsoluteTimeout);
    }

    [Fact]
    public void Both_limits_can_be_set()
    {
        var config = StationConfigLoader.Parse("""{"sessions":{"idleMinutes":5,"absoluteHours":8}}""", "station.json");

        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromHours(8)), (config.Sessions.IdleTimeout, config.Sessions.AbsoluteTimeout));
    }

    [Theory]
    [InlineData("""{"sessions":{"idleMinutes":0}}""", "sessions.idleMinutes must be 1–1440")]
    [InlineData("""{"sessions":{"absoluteHours":200}}""", "sessions.absoluteHours must be 1–168")]
    [InlineData("""{"sessions":{"idleMinutes":120,"absoluteHours":1}}""", "longer than sessions.absoluteHours")]
    [InlineData("""{"sessions":{"idleSeconds":30}}""", "unknown key")]
    public void Bad_session_limits_are_usage_errors_that_name_the_key(string json, string message)
    {
        var ex = Assert.Throws<UsageException>(() => StationConfigLoader.Parse(json, "station.json"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
