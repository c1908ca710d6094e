using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Kiosk;

/// <summary>The kiosk pages (zh-CN, server-rendered, everything embedded in the binary).</summary>
public static class KioskEndpoints
{
    private const int PageSize = 200;

    public static void MapKiosk(this IEndpointRouteBuilder app)
    {
        var text = UiText.Load();
        var css = ReadAsset("kiosk.css");

        app.MapGet("/assets/kiosk.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(css, "text/css; charset=utf-8");
        });

        app.MapGet("/", IResult (RecordService service) =>
        {
            var report = service.Indicators(null);
            var page = new HomePage(Layout(service, text, text["nav.home"], "nav.home"), report, Due(service, report.Date));
            return Render(Slices.Home.Create(page));
        });

        app.MapGet("/records/{type}", IResult (RecordService service, string type) =>
        {
            if (!RecordTypeNames.TryParse(type, out var recordType))
            {
                return Results.NotFound();
            }
            var rows = service.Store.RecordsPage(recordType, 0, PageSize).Where(r => !r.Voided).ToList();
            var page = new RecordListPage(Layout(service, text, text["type." + type], KioskNav.ForType(type)), type, rows, service.Store.RecordCount(recordType), service.Commands.Time);
            return Render(Slices.RecordList.Create(page));
        });

        app.MapGet("/records/{type}/new", IResult (RecordService service, string type) =>
        {
            if (!RecordTypeNames.TryParse(type, out var recordType))
            {
                return Results.NotFound();
            }
            var fields = service.Commands.Schemas[recordType].InputFields.ToList();
            return Render(Slices.NewRecord.Create(new NewRecordPage(Layout(service, text, text["form.new"], KioskNav.ForType(type)), type, fields)));
        });

        var js = ReadAsset("kiosk.js");
        app.MapGet("/assets/kiosk.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(js, "text/javascript; charset=utf-8");
        });

        app.MapGet("/record/{id}", IResult (RecordService service, string id) =>
        {
            if (service.Store.Find(id) is not { } record)
            {
                return Results.NotFound();
            }
            var type = RecordTypeNames.Name(record.Type);
            var actions = record.Voided
                ? []
                : Domain.Workflows.Workflows.For(record.Type).AllowedFrom(record.Status).Select(a => a.Name).ToList();
            var today = service.Today();
            var deadlines = Deadlines(service, record, today).ToList();
            var page = new RecordDetailPage(Layout(service, text, record.Id, KioskNav.ForType(type)), record, service.Store.History(id).ToList(), actions, deadlines, service.Commands.Time);
            return Render(Slices.RecordDetail.Create(page));
        });
    }

    // Chinese text as characters, not &#x…; entities: pages half the size on the kiosk's LAN.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static IResult Render(RazorSlices.RazorSlice slice)
    {
        slice.HtmlEncoder = Encoder;
        return slice;
    }

    private static LayoutModel Layout(RecordService service, UiText text, string title, string nav) =>
        new(title, nav, text, service.Store.Station()?.Village ?? service.Config.Village, service.Store.Head.ToString());

    /// <summary>Open disputes and petitions by their next deadline, most urgent first.</summary>
    private static List<DueItem> Due(RecordService service, DateOnly today) =>
        service.Store.Records(RecordType.Dispute)
            .Concat(service.Store.Records(RecordType.Petition))
            .Where(r => !r.Voided)
            .SelectMany(r => Deadlines(service, r, today).Where(d => !d.Deadline.IsMet).Take(1))
            .OrderBy(d => d.DaysLeft)
            .Take(12)
            .ToList();

    private static IEnumerable<DueItem> Deadlines(RecordService service, RecordSnapshot r, DateOnly today)
    {
        var time = service.Commands.Time;
        var summary = r.Text(FieldKeys.Summary) ?? "";
        var type = RecordTypeNames.Name(r.Type);
        DueItem Item(string key, DeadlineStatus d) => new(r.Id, type, summary, key, d, d.DaysLeft(today));
        if (r.Type == RecordType.Dispute && !DisputeDeadlines.Finished.Contains(r.Status))
        {
            yield return Item("deadline.resolve", new DisputeDeadlines(service.Config.Settings.DisputeDeadlines, time).Resolution(r, today));
        }
        else if (r.Type == RecordType.Petition && r.Status is "received" or "accepted")
        {
            var petitions = new PetitionDeadlines(service.Config.Settings.PetitionRules, new DeadlineCalculator(HolidayCalendar.Official), time);
            yield return Item("deadline.accept", petitions.Acceptance(r, today));
            if (petitions.Completion(r, today) is { } completion)
            {
                yield return Item("deadline.complete", completion);
            }
        }
    }

    private static string ReadAsset(string name)
    {
        using var stream = typeof(KioskEndpoints).Assembly.GetManifestResourceStream($"kiosk/{name}")
            ?? throw new InvalidOperationException($"kiosk asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
