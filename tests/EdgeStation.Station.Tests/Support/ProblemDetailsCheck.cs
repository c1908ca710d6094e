namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// Issue 15: only 3 of ~72 tests of a 4xx answer checked its type. Every client <see cref="ApiStation"/> makes goes
/// through this check, so every test that meets a 4xx asserts it: an <c>application/problem+json</c> body, or a page
/// (<c>text/html</c>) when the request asked for one.
/// </summary>
public sealed class ProblemDetailsCheck(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500)
        {
            var type = response.Content.Headers.ContentType?.MediaType;
            var askedForPage = request.Headers.Accept.Any(a => a.MediaType == "text/html");
            if (type != "application/problem+json" && !(askedForPage && type == "text/html"))
            {
                throw new Xunit.Sdk.XunitException($"{request.Method} {request.RequestUri} answered {status} as '{type ?? "(no body type)"}', not a problem detail");
            }
        }
        return response;
    }
}
