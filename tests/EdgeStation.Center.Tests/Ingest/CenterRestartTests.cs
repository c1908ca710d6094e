using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Tests.Ingest;

public sealed class CenterRestartTests : IDisposable
{
    private readonly CenterRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task After_a_restart_resent_envelopes_are_duplicates_and_the_chain_continues()
    {
        _run.InitAndEnroll("dongshan");
        var bundle = StationBundle.Read(_run.BundlePath("dongshan"), "dongshan", _run.Time.GetUtcNow());
        var chain = Envelopes.Chain(4);
        using (var center = RunningCenter.Start(_run))
        using (var station = StationClient.From(bundle, center.StationUrl))
        {
            await station.Push(Envelopes.Hourly("dongshan", 1), Envelopes.Digests("dongshan", 2, chain[0], chain[1]));
        }

        using (var center = RunningCenter.Start(_run))
        using (var station = StationClient.From(bundle, center.StationUrl))
        {
            // The station never saw the acks (say): it sends everything again, then what is new.
            var acks = await station.Push(Envelopes.Hourly("dongshan", 1), Envelopes.Digests("dongshan", 2, chain[0], chain[1]), Envelopes.Digests("dongshan", 3, chain[2], chain[3]));

            Assert.Equal([AckStatus.Duplicate, AckStatus.Duplicate, AckStatus.Accepted], acks.Select(a => a.Status));
        }
        var (exit, output, _) = _run.Cli("stations", "list");
        Assert.Equal(0, exit);
        Assert.Contains("intact", output, StringComparison.Ordinal);
        Assert.Equal(0, _run.Cli("alerts", "list").Exit);
    }
}
