using EdgeStation.Access.Osdp;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>A panel and simulated readers on one in-memory bus, with a fake clock for reply timeouts.</summary>
internal sealed class OsdpBusFixture : IDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    public SimulatedOsdpBus Bus { get; } = new();
    public OsdpControlPanel Panel { get; }
    public List<OsdpCardRead> Cards { get; } = [];
    public List<OsdpKeypadRead> Keys { get; } = [];
    public List<(byte Address, bool Online)> OnlineChanges { get; } = [];

    public OsdpBusFixture()
    {
        Panel = new OsdpControlPanel(Bus, Time);
        Panel.CardRead += Cards.Add;
        Panel.KeypadRead += Keys.Add;
        Panel.OnlineChanged += (a, online) => OnlineChanges.Add((a, online));
    }

    /// <summary>An exchange with a silent reader: it ends when the reply timeout has passed on the fake clock.</summary>
    public async Task<OsdpExchangeResult> UnansweredPollAsync(byte address)
    {
        var poll = Panel.PollAsync(address, CancellationToken.None);
        Assert.False(poll.IsCompleted);
        Time.Advance(Panel.Options.ReplyTimeout);
        return await poll;
    }

    public void Dispose() => Panel.Dispose();
}
