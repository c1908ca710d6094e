using System.Net;
using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Api;

/// <summary>
/// Issue 15: GET /api/records answered every record at once (10,000 records: 7 requests/s, +100 MB). It now answers a
/// page (100 by default, at most 500) and a <c>Link: &lt;…&gt;; rel="next"</c> to the next one, by cursor.
/// </summary>
public sealed class PaginationTests : OfficialApiTest
{
    private async Task AddEvents(int n)
    {
        for (var i = 0; i < n; i++)
        {
            var r = await Http.PostAsync("/api/records", ApiStation.Json(NewEvent));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
    }

    private async Task<(List<string> Ids, string? Next)> Page(string url)
    {
        var r = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        string? next = null;
        if (r.Headers.TryGetValues("Link", out var links))
        {
            var link = links.Single();
            Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
            next = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        }
        return (ids, next);
    }

    [Fact]
    public async Task Following_next_links_gives_every_record_once_in_id_order()
    {
        await AddEvents(23);
        var seen = new List<string>();
        string? url = "/api/records?type=grid-event&limit=10";
        var pages = 0;

        while (url is not null)
        {
            var (ids, next) = await Page(url);
            Assert.True(ids.Count <= 10);
            seen.AddRange(ids);
            url = next;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(23, seen.Count); // none twice
        Assert.Equal(23, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Regression_a_list_without_a_limit_answered_every_record()
    {
        await AddEvents(101);

        var (ids, next) = await Page("/api/records");

        Assert.Equal(100, ids.Count);
        Assert.NotNull(next);
        Assert.Equal(["GE-2026-0101"], (await Page(next!)).Ids);
    }

    [Fact]
    public async Task A_record_voided_between_pages_does_not_make_the_next_page_skip_or_repeat()
    {
        await AddEvents(6);
        var (first, next) = await Page("/api/records?limit=3");
        var voided = await Http.PostAsync($"/api/records/{first[^1]}/void", ApiStation.Json("""{"reason":"重复"}"""));
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);

        var (second, _) = await Page(next!);

        Assert.Equal(["GE-2026-0004", "GE-2026-0005", "GE-2026-0006"], second);
    }
}
