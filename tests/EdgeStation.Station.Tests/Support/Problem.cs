using System.Net;
using System.Text.Json;

namespace EdgeStation.Station.Tests.Support;

/// <summary>Asserts an answer is an RFC 9457 problem detail (<c>application/problem+json</c>) of one status.</summary>
public static class Problem
{
    /// <summary>Checks <paramref name="r"/> is a problem with <paramref name="status"/> (in the answer and its body) and returns its detail.</summary>
    public static async Task<string> Detail(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"expected {(int)status}, got {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        return doc.RootElement.GetProperty("detail").GetString()!;
    }
}
