using EdgeStation.Center.Dashboard;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;
using Google.Protobuf;

namespace EdgeStation.Center.Tests.Dashboard;

public sealed class DashboardTests : IDisposable
{
    private readonly CenterRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Dashboard_shows_each_village_its_streaks_silence_and_broken_ledger_in_chinese()
    {
        _run.InitAndEnroll("dongshan", "xishan");
        using var center = RunningCenter.Start(_run);
        using (var station = StationClient.From(StationBundle.Read(_run.BundlePath("dongshan"), "dongshan", _run.Time.GetUtcNow()), center.StationUrl))
        {
            var forked = Envelopes.Chain(2)[1];
            forked.Hash = ByteString.CopyFrom(new byte[32]);
            await station.Push(Envelopes.Hourly("dongshan", 1, noCasesStreak: 289), Envelopes.Digests("dongshan", 2, Envelopes.Chain(1)[0], forked));
        }
        using var http = new HttpClient { BaseAddress = center.AdminUrl };

        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("dongshan村", page, StringComparison.Ordinal);
        Assert.Contains("289 天", page, StringComparison.Ordinal);
        Assert.Contains("从未联系", page, StringComparison.Ordinal);
        Assert.Contains("台账断链（疑被改写）", page, StringComparison.Ordinal);
        Assert.Contains("告警 1 条", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_is_not_served_on_the_stations_port()
    {
        _run.InitAndEnroll("dongshan");
        using var center = RunningCenter.Start(_run);
        var bundle = StationBundle.Read(_run.BundlePath("dongshan"), "dongshan", _run.Time.GetUtcNow());
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                ClientCertificates = [bundle.ClientCertificate()],
                RemoteCertificateValidationCallback = (_, c, _, e) => EdgeStation.Sync.Client.StationChannel.IssuedByCenter(bundle.CaCertificate(), c, e),
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = center.StationUrl };

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri("/healthz/live", UriKind.Relative)));
    }

    [Fact]
    public async Task Liveness_answers_on_the_admin_port()
    {
        _run.InitAndEnroll("dongshan");
        using var center = RunningCenter.Start(_run);
        using var http = new HttpClient { BaseAddress = center.AdminUrl };

        using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok\n", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_township_of_many_villages_pages_by_100_with_the_silent_ones_first()
    {
        var ids = Enumerable.Range(0, DashboardPage.PageSize + 1).Select(i => $"v{i:D3}").ToArray();
        _run.InitAndEnroll(ids);
        using var center = RunningCenter.Start(_run);
        using (var station = StationClient.From(StationBundle.Read(_run.BundlePath("v000"), "v000", _run.Time.GetUtcNow()), center.StationUrl))
        {
            await station.Push(Envelopes.Hourly("v000", 1, noCasesStreak: 12));
        }
        using var http = new HttpClient { BaseAddress = center.AdminUrl };

        var first = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var second = await http.GetStringAsync(new Uri("/?page=2", UriKind.Relative));
        using var beyond = await http.GetAsync(new Uri("/?page=3", UriKind.Relative));
        using var zero = await http.GetAsync(new Uri("/?page=0", UriKind.Relative));

        // v000 spoke: it needs no attention, so it is the one village on page 2; the 100 never heard from fill page 1.
        Assert.Contains("共 101 个村", first, StringComparison.Ordinal);
        Assert.Contains("第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Contains("v001村", first, StringComparison.Ordinal);
        Assert.Contains("v100村", first, StringComparison.Ordinal);
        Assert.DoesNotContain("v000村", first, StringComparison.Ordinal);
        Assert.Contains("v000村", second, StringComparison.Ordinal);
        Assert.DoesNotContain("v001村", second, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("pages 1–2", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, zero.StatusCode);
    }
}
