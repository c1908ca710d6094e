using System.Text.RegularExpressions;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>Each rendered kiosk form carries its own idempotency key, which kiosk.js sends as the Idempotency-Key header.</summary>
public sealed partial class KioskFormKeyTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        _http = await _station.SignedInAsync("official", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [GeneratedRegex("""<input type="hidden" name="idempotency-key" value="([0-9a-f]{32})">""")]
    private static partial Regex KeyInput();

    private static List<string> Keys(string html) => KeyInput().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Every_form_of_a_record_page_has_a_key_of_its_own_and_a_reload_gives_new_ones()
    {
        var created = await _http.PostAsync("/api/records", ApiStation.Json("""{"type":"dispute","fields":{"category":"neighbours","parties":2,"summary":"邻里纠纷"}}"""));
        var page = created.Headers.Location!.ToString().Replace("/api/records/", "/record/", StringComparison.Ordinal);

        var first = Keys(await _http.GetStringAsync(page));
        var reloaded = Keys(await _http.GetStringAsync(page));

        Assert.True(first.Count >= 3, $"{first.Count} keyed forms"); // a transition, amend, void
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(reloaded));
    }

    [Fact]
    public async Task The_new_record_form_has_a_key()
    {
        Assert.Single(Keys(await _http.GetStringAsync("/records/dispute/new")));
    }

    [Fact]
    public async Task The_kiosk_script_sends_the_forms_key_as_the_header()
    {
        var js = await _http.GetStringAsync("/assets/kiosk.js");

        Assert.Contains("headers[\"Idempotency-Key\"] = key", js, StringComparison.Ordinal);
        Assert.Contains("form.elements[\"idempotency-key\"]", js, StringComparison.Ordinal);
    }
}
