using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Api;

/// <summary>Issue 15: bodies the serializer let through. Each is a 400 problem detail and stores nothing.</summary>
public sealed class MalformedBodyTests : OfficialApiTest
{
    /// <summary>Posts <paramref name="body"/> as JSON, insists on a 400 problem and an unchanged ledger; returns the detail.</summary>
    private async Task<string> RefusedWith400(byte[] body)
    {
        var head = Station.Store.Head;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var detail = await Problem.Detail(await Http.PostAsync("/api/records", content), HttpStatusCode.BadRequest);

        Assert.Equal(head, Station.Store.Head);
        return detail;
    }

    [Fact]
    public async Task Regression_invalid_utf8_inside_fields_was_a_500_with_an_empty_body()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"type":"grid-event","fields":{"category":"environment","summary":"a"""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}}")];

        var problem = await RefusedWith400(body);

        Assert.Contains("not valid text", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_a_lone_surrogate_inside_fields_was_a_500_with_an_empty_body()
    {
        var problem = await RefusedWith400(Encoding.UTF8.GetBytes("""{"type":"grid-event","fields":{"category":"environment","summary":"a\ud800b"}}"""));

        Assert.Contains("lone surrogate", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"grid-event","type":"dispute","fields":{"category":"environment"}}""", "type")]
    [InlineData("""{"type":"grid-event","fields":{"category":"environment","summary":"甲","summary":"乙"}}""", "summary")]
    public async Task Regression_a_member_given_twice_was_accepted_with_the_last_value(string json, string member)
    {
        var problem = await RefusedWith400(Encoding.UTF8.GetBytes(json));

        Assert.Contains($"member '{member}' is given twice", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_deeper_than_a_request_needs_is_refused()
    {
        var problem = await RefusedWith400(Encoding.UTF8.GetBytes("""{"type":"grid-event","fields":{"summary":""" + new string('[', 40) + new string(']', 40) + "}}"));

        Assert.Contains("nested deeper", problem, StringComparison.Ordinal);
    }
}
