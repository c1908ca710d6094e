using System.Net;
using EdgeStation.Station.Api;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// 404 for an unknown record, record type or page: a page in Chinese for a person's browser (a GET asking for
/// text/html outside /api), a problem detail for a program. Never an empty body.
/// </summary>
public sealed class NotFoundAnswer(UiText text)
{
    private readonly string _page = $"""
        <!DOCTYPE html><html lang="{text.Culture}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{text["error.notFound.title"]} · {text["app.title"]}</title><link href="/assets/kiosk.css" rel="stylesheet"></head>
        <body><main><h2 id="not-found">{text["error.notFound.title"]}</h2><p>{text["error.notFound"]}</p>
        <div class="actions"><a class="button" href="/">{text["nav.home"]}</a></div></main></body></html>
        """;

    public IResult Answer(HttpContext http, string detail) =>
        WantsPage(http.Request)
            ? TypedResults.Content(_page, "text/html; charset=utf-8", statusCode: (int)HttpStatusCode.NotFound)
            : ApiProblem.Problem(StatusCodes.Status404NotFound, "not found", detail);

    public static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
