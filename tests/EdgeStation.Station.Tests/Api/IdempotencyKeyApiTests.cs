using System.Net;
using System.Text;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Api;

/// <summary>The Idempotency-Key header of the write endpoints (issue 15 item 3), over real HTTP and a real LiteDB file.</summary>
public sealed class IdempotencyKeyApiTests : OfficialApiTest
{
    private const string Dispute = """{"type":"dispute","fields":{"category":"neighbours","parties":2,"summary":"邻里纠纷"}}""";
    private Task<HttpResponseMessage> Post(string path, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return Http.SendAsync(request);
    }

    private static async Task<(string Id, long LastSeq)> Record(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task A_create_retried_with_the_same_key_answers_the_first_record_and_stores_one()
    {
        var first = await Post("/api/records", Dispute, "0b7e6f5c-retry");
        var retry = await Post("/api/records", Dispute, "0b7e6f5c-retry");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await Record(first), await Record(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, Station.Store.RecordCount());
    }

    [Fact]
    public async Task A_transition_retried_after_a_later_change_answers_the_record_as_that_transition_left_it()
    {
        var (id, _) = await Record(await Post("/api/records", Dispute, null));
        var assess = $"/api/records/{id}/transitions";
        var first = await Post(assess, """{"action":"assess","risk":"yellow"}""", "assess-1");
        await Post($"/api/records/{id}/amendments", """{"fields":{"parties":3},"reason":"又来一人"}""", null);

        var retry = await Post(assess, """{"action":"assess","risk":"yellow"}""", "assess-1");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await Record(first), await Record(retry));
        Assert.Single(Station.Store.History(id), h => h.Event.Action == "assess");
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_problem_and_stores_nothing()
    {
        await Post("/api/records", Dispute, "key-1");
        var head = Station.Store.Head;

        var r = await Post("/api/records", NewEvent, "key-1");

        Assert.Contains("a different request", await Problem.Detail(r, HttpStatusCode.UnprocessableEntity), StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task Another_user_with_the_same_key_gets_a_record_of_their_own()
    {
        var other = await Station.SignedInAsync("lihua", Role.Official);
        var mine = await Post("/api/records", Dispute, "shared-key");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = new StringContent(Dispute, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "shared-key");

        var theirs = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual((await Record(mine)).Id, (await Record(theirs)).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_key_is_a_400_problem(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = new StringContent(Dispute, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var r = await Http.SendAsync(request);

        await Problem.Detail(r, HttpStatusCode.BadRequest);
        Assert.Equal(0, Station.Store.RecordCount());
    }
}
