using System.Net;
using System.Text;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15, item 1: the record page's history printed every note (transition notes, amend and void reasons) to
/// every role. Distinctive values are planted in every personal field and in every kind of note of records in
/// grid-1; then every GET endpoint of the running service is walked as each role, and each planted value must reach
/// exactly the roles that may read personal data of grid-1 (admin, official, grid-1's worker), and no other.
/// </summary>
public sealed class PersonalTextExposureTests : IAsyncLifetime
{
    // ASCII on purpose: no HTML or JSON encoder rewrites them, so a leak cannot hide behind an escape.
    private static readonly Dictionary<string, string> Planted = new(StringComparer.Ordinal)
    {
        ["summary"] = "PlantSummaryQ7",
        ["partyNames"] = "PlantPartyNamesQ7",
        ["phone"] = "139-2718-4605",
        ["idNumber"] = "532627197708153644",
        ["location"] = "PlantLocationQ7",
        ["amended location"] = "PlantAmendedLocationQ7",
        ["assignedTo"] = "PlantAssigneeQ7",
        ["extensionReason"] = "PlantExtensionReasonQ7",
        ["extensionApprovedBy"] = "PlantApproverQ7",
        ["assess note"] = "PlantAssessNoteQ7",
        ["accept note"] = "PlantAcceptNoteQ7",
        ["decline note"] = "PlantDeclineNoteQ7",
        ["amend reason"] = "PlantAmendReasonQ7",
        ["void reason"] = "PlantVoidReasonQ7",
    };

    private ApiStation _station = null!;
    private readonly List<string> _ids = [];

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        var official = await _station.SignedInAsync("planter", Role.Official);
        var personal = $$"""
            "grid":"grid-1","summary":"{{Planted["summary"]}}","partyNames":"{{Planted["partyNames"]}}",
            "phone":"{{Planted["phone"]}}","idNumber":"{{Planted["idNumber"]}}","location":"{{Planted["location"]}}"
            """;

        var dispute = await Create(official, """{"type":"dispute","fields":{"category":"neighbours","parties":2,""" + personal + "}}");
        await Post(official, $"/api/records/{dispute}/transitions", $$"""{"action":"assess","risk":"red","note":"{{Planted["assess note"]}}"}""");
        await Post(official, $"/api/records/{dispute}/transitions", $$"""{"action":"assign","to":"{{Planted["assignedTo"]}}"}""");
        await Post(official, $"/api/records/{dispute}/amendments", $$"""{"fields":{"location":"{{Planted["amended location"]}}"},"reason":"{{Planted["amend reason"]}}"}""");

        var petition = await Create(official, """{"type":"petition","fields":{"channel":"visit","persons":1,""" + personal + "}}");
        await Post(official, $"/api/records/{petition}/transitions", $$"""{"action":"accept","note":"{{Planted["accept note"]}}"}""");
        await Post(official, $"/api/records/{petition}/transitions", $$"""{"action":"extend","days":10,"reason":"{{Planted["extensionReason"]}}","approvedBy":"{{Planted["extensionApprovedBy"]}}"}""");

        var declined = await Create(official, """{"type":"petition","fields":{"channel":"letter","persons":1,"grid":"grid-1"}}""");
        await Post(official, $"/api/records/{declined}/transitions", $$"""{"action":"decline","note":"{{Planted["decline note"]}}"}""");

        var voided = await Create(official, """{"type":"grid-event","fields":{"category":"environment","grid":"grid-1"}}""");
        await Post(official, $"/api/records/{voided}/void", $$"""{"reason":"{{Planted["void reason"]}}"}""");

        _ids.AddRange([dispute, petition, declined, voided]);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    public static TheoryData<string, bool> Roles => new()
    {
        { "admin", true },
        { "official", true },
        { "grid worker of the records' grid", true },
        { "grid worker of another grid", false },
        { "viewer", false },
        { "engineer", false },
        { "anonymous", false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Personal_fields_and_notes_reach_only_the_roles_that_may_read_them(string who, bool mayRead)
    {
        var client = who switch
        {
            "admin" => await _station.SignedInAsync("reader", Role.Admin),
            "official" => await _station.SignedInAsync("reader", Role.Official),
            "grid worker of the records' grid" => await _station.SignedInAsync("reader", Role.GridWorker, "grid-1"),
            "grid worker of another grid" => await _station.SignedInAsync("reader", Role.GridWorker, "grid-2"),
            "viewer" => await _station.SignedInAsync("reader", Role.Viewer),
            "engineer" => await _station.SignedInAsync("reader", Role.Engineer),
            _ => _station.NewClient(),
        };

        var pages = await WalkEveryGet(client);

        var seen = Planted.Where(p => pages.Any(page => page.Value.Contains(p.Value, StringComparison.Ordinal))).Select(p => p.Key).ToList();
        if (mayRead)
        {
            Assert.True(seen.Count == Planted.Count, $"{who} should read every planted value; missing: {string.Join(", ", Planted.Keys.Except(seen))}");
        }
        else
        {
            var leaks = pages.SelectMany(page => Planted.Where(p => page.Value.Contains(p.Value, StringComparison.Ordinal)).Select(p => $"{p.Key} in {page.Key}")).ToList();
            Assert.True(leaks.Count == 0, $"{who} was shown: {string.Join("; ", leaks)}");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task A_redacted_export_holds_no_personal_field_and_no_note(string format)
    {
        // The service stops and lets go of the file, as `records export` needs (it opens the file itself).
        await _station.App.StopAsync();
        _station.Store.Dispose();

        var export = await _station.CliAsync("records", "export", "--format", format, "--redact");

        Assert.True(export.Exit == 0, export.Err);
        var leaks = Planted.Where(p => export.Out.Contains(p.Value, StringComparison.Ordinal)).Select(p => p.Key).ToList();
        Assert.True(leaks.Count == 0, $"the redacted {format} export holds: {string.Join(", ", leaks)}");
        Assert.Contains(_ids[0], export.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every GET route the service maps, with its parameters filled from the planted records (and every record type),
    /// as a browser asks for pages. A new route with a parameter this test does not know fails here, so it is walked too.
    /// </summary>
    private async Task<Dictionary<string, string>> WalkEveryGet(HttpClient client)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["id"] = _ids,
            ["type"] = RecordTypeNames.All.Select(RecordTypeNames.Name).ToList(),
            ["path"] = ["no-such-page"],
        };
        var routes = ((IEndpointRouteBuilder)_station.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .ToList();
        Assert.Contains(routes, e => e.RoutePattern.RawText == "/record/{id}");
        var urls = new List<string>();
        foreach (var route in routes)
        {
            var raw = route.RoutePattern.RawText ?? "";
            var expanded = new List<string> { raw };
            foreach (var parameter in route.RoutePattern.Parameters)
            {
                Assert.True(values.ContainsKey(parameter.Name), $"{raw}: no values for {{{parameter.Name}}}");
                var placeholder = raw[raw.IndexOf("{" + (parameter.IsCatchAll ? "*" : "") + parameter.Name, StringComparison.Ordinal)..];
                placeholder = placeholder[..(placeholder.IndexOf('}', StringComparison.Ordinal) + 1)];
                expanded = expanded.SelectMany(u => values[parameter.Name].Select(v => u.Replace(placeholder, Uri.EscapeDataString(v), StringComparison.Ordinal))).ToList();
            }
            urls.AddRange(expanded.Select(u => u.StartsWith('/') ? u : "/" + u));
        }
        // The lists once more filtered by type and by each status a planted record has.
        urls.AddRange(RecordTypeNames.All.Select(t => $"/api/records?type={RecordTypeNames.Name(t)}"));
        urls.AddRange(["/records/dispute?status=assigned", "/records/petition?status=accepted", "/records/petition?status=declined"]);

        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html, application/json;q=0.9");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True((int)response.StatusCode < 500, $"GET {url}: {(int)response.StatusCode}");
            pages[url] = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? await FirstEventAsync(response) // a stream never ends (the kiosk's alarm banner): its first message
                : await response.Content.ReadAsStringAsync();
        }
        return pages;
    }

    /// <summary>The lines of a server-sent stream up to the blank line that ends its first message.</summary>
    private static async Task<string> FirstEventAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var message = new StringBuilder();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            message.AppendLine(line);
        }
        Assert.StartsWith("data: ", message.ToString(), StringComparison.Ordinal);
        return message.ToString();
    }

    private static async Task<string> Create(HttpClient client, string json)
    {
        var r = await client.PostAsync("/api/records", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task Post(HttpClient client, string path, string json)
    {
        var r = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {await r.Content.ReadAsStringAsync()}");
    }
}
