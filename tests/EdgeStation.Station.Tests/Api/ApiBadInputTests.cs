using System.Net;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Api;

/// <summary>
/// Issue 15: bad input the suite never sent. Every refusal is an <c>application/problem+json</c> body naming what was
/// wrong (or, for a person's browser asking for a page, a page in Chinese), and nothing is stored.
/// </summary>
public sealed class ApiBadInputTests : OfficialApiTest
{
    [Theory]
    [InlineData("/api/records?type=bad", "unknown record type 'bad'")]
    [InlineData("/api/records?status=bogus", "status must be one of")]
    [InlineData("/api/records?type=dispute&status=accepted", "status must be one of")]
    [InlineData("/api/records?limit=0", "limit must be a whole number from 1 to 500")]
    [InlineData("/api/records?limit=501", "limit must be a whole number from 1 to 500")]
    [InlineData("/api/records?limit=ten", "limit must be a whole number")]
    [InlineData("/api/indicators?date=bad", "date must look like 2026-03-15")]
    [InlineData("/api/indicators?date=2026-02-30", "date must look like 2026-03-15")]
    public async Task A_bad_query_is_a_400_problem_naming_the_parameter(string url, string says)
    {
        var detail = await Problem.Detail(await Http.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Contains(says, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/records/DS-2026-0404/amendments", """{"fields":{"parties":3},"reason":"笔误"}""")]
    [InlineData("/api/records/DS-2026-0404/void", """{"reason":"重复"}""")]
    [InlineData("/api/records/DS-2026-0404/transitions", """{"action":"assess","risk":"red"}""")]
    public async Task A_write_to_an_unknown_record_is_a_404_problem_and_stores_nothing(string path, string body)
    {
        var head = Station.Store.Head;

        var detail = await Problem.Detail(await Http.PostAsync(path, ApiStation.Json(body)), HttpStatusCode.NotFound);

        Assert.Contains("DS-2026-0404", detail, StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task An_unknown_record_over_the_api_is_a_404_problem()
    {
        await Problem.Detail(await Http.GetAsync("/api/records/DS-2026-0404"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/records/bad/new")]
    [InlineData("/records/bad")]
    [InlineData("/record/DS-2026-0404")]
    [InlineData("/no/such/page")]
    public async Task Regression_an_unknown_record_or_type_was_an_empty_404_now_a_chinese_page_for_a_browser(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");

        var r = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"not-found\">未找到<", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/records/bad/new")]
    [InlineData("/records/bad")]
    [InlineData("/record/DS-2026-0404")]
    [InlineData("/no/such/page")]
    public async Task Regression_an_unknown_record_or_type_was_an_empty_404_now_a_problem_for_a_program(string url)
    {
        var detail = await Problem.Detail(await Http.GetAsync(url), HttpStatusCode.NotFound);

        Assert.NotEmpty(detail);
    }
}
