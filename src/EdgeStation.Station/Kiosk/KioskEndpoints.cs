using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
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
        var notFound = new NotFoundAnswer(text);
        var css = ReadAsset("kiosk.css");

        app.MapGet("/assets/kiosk.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(css, "text/css; charset=utf-8");
        }).WithMetadata(AccessRule.Public);

        app.MapGet("/", IResult (HttpContext http, RecordService service) =>
        {
            var report = service.Indicators(null);
            var page = new HomePage(Layout(http, service, text, text["nav.home"], "nav.home"), report, Due(service, report.Date), http.Access());
            return Render(Slices.Home.Create(page));
        }).WithMetadata(ReadPages);

        app.MapGet("/records/{type}", IResult (HttpContext http, RecordService service, string type, string? status, string? risk, string? page) =>
        {
            if (!RecordTypeNames.TryParse(type, out var recordType))
            {
                return notFound.Answer(http, $"no record type '{type}'; types: {RecordTypeNames.AllNames}");
            }
            var workflow = Domain.Workflows.Workflows.For(recordType);
            var filter = new RecordListFilter(NullIfEmpty(status), NullIfEmpty(risk), 0);
            if (filter.Status is { } st && !workflow.Statuses.Contains(st))
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "unknown status", $"status must be one of {string.Join(", ", workflow.Statuses)} (got '{st}')");
            }
            if (filter.Risk is { } rk && !RiskColour.All.Contains(rk))
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "unknown risk", $"risk must be one of {string.Join(", ", RiskColour.All)} (got '{rk}')");
            }
            if (NullIfEmpty(page) is { } p)
            {
                if (!int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 100_000)
                {
                    return ApiProblem.Problem(StatusCodes.Status400BadRequest, "bad page", $"page must be a whole number from 0 (got '{p}')");
                }
                filter = filter with { Page = n };
            }
            // The matching ids once per ledger head (the summaries are in memory); only the page's records are read.
            var ids = service.Cached($"kiosk.list.{type}.{filter.Status}.{filter.Risk}", DateOnly.MinValue, summaries => Matching(summaries, recordType, filter));
            var rows = filter.Page == 0
                ? service.Cached($"kiosk.list.{type}.{filter.Status}.{filter.Risk}.first", DateOnly.MinValue, _ => Read(service, ids, 0))
                : Read(service, ids, filter.Page);
            var layout = Layout(http, service, text, text["type." + type], KioskNav.ForType(type));
            var list = new RecordListPage(layout, type, rows, service.Store.RecordCount(recordType), service.Commands.Time, http.Access())
            {
                Filter = filter,
                Matching = ids.Count,
                PageSize = PageSize,
                Statuses = workflow.Statuses,
                HasRisk = recordType == RecordType.Dispute,
            };
            return Render(Slices.RecordList.Create(list));
        }).WithMetadata(ReadPages);

        app.MapGet("/records/{type}/new", IResult (HttpContext http, RecordService service, string type) =>
        {
            if (!RecordTypeNames.TryParse(type, out var recordType))
            {
                return notFound.Answer(http, $"no record type '{type}'; types: {RecordTypeNames.AllNames}");
            }
            var fields = service.Commands.Schemas[recordType].InputFields.ToList();
            return Render(Slices.NewRecord.Create(new NewRecordPage(Layout(http, service, text, text["form.new"], KioskNav.ForType(type)), type, fields)));
        }).WithMetadata(AccessRule.Requires("record", Permission.WriteRecords, Permission.WriteRecordsOwnGrids));

        var js = ReadAsset("kiosk.js");
        app.MapGet("/assets/kiosk.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(js, "text/javascript; charset=utf-8");
        }).WithMetadata(AccessRule.Public);

        app.MapGet("/login", (HttpContext http, RecordService service, string? next, string? idle) =>
            Render(Slices.Login.Create(new LoginPage(Layout(http, service, text, text["login.title"], ""), SafeNext(next)) { AfterIdle = idle == "1" })))
            .WithMetadata(AccessRule.Public);

        app.MapGet("/record/{id}", IResult (HttpContext http, RecordService service, string id) =>
        {
            if (service.Store.Find(id) is not { } record)
            {
                return notFound.Answer(http, $"no record {id}");
            }
            var type = RecordTypeNames.Name(record.Type);
            var access = http.Access();
            // Only who may change this record gets the buttons (the API checks again on submit).
            var canWrite = !record.Voided && access.CanWrite(record.Text(FieldKeys.Grid));
            var actions = canWrite
                ? Domain.Workflows.Workflows.For(record.Type).AllowedFrom(record.Status).Select(a => a.Name).ToList()
                : [];
            var today = service.Today();
            var deadlines = Deadlines(service, record, today).ToList();
            // Personal fields only for who may see them (role, and for grid workers their own grids).
            var showsPersonal = access.CanSeePersonal(record.Text(FieldKeys.Grid));
            var hidden = showsPersonal
                ? new HashSet<string>()
                : service.Commands.Schemas[record.Type].PersonalKeys.ToHashSet(StringComparer.Ordinal);
            var page = new RecordDetailPage(Layout(http, service, text, record.Id, KioskNav.ForType(type)), record, service.Store.History(id).ToList(), actions, deadlines, service.Commands.Time)
            {
                Hidden = hidden,
                ShowsPersonal = showsPersonal,
                AmendFields = canWrite ? AmendFields(service, record, hidden, text) : [],
            };
            return Render(Slices.RecordDetail.Create(page));
        }).WithMetadata(ReadPages);

        app.MapIndicatorPages(text);
        Doors.DoorPages.MapDoorPages(app, text);
    }

    // Chinese text as characters, not &#x…; entities: pages half the size on the kiosk's LAN.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    internal static IResult Render(RazorSlices.RazorSlice slice)
    {
        slice.HtmlEncoder = Encoder;
        return slice;
    }

    private static readonly AccessRule ReadPages = AccessRule.Requires("read records", Permission.ReadRecords);

    internal static LayoutModel Layout(HttpContext http, RecordService service, UiText text, string title, string nav)
    {
        var session = http.UserSession();
        // The ledger anchor only for who is signed in: the login page is seen by anyone in the room.
        return new(title, nav, text, service.Store.Station()?.Village ?? service.Config.Village, session is null ? "" : service.Store.Head.ToString())
        {
            User = session?.Access.Name,
            CsrfToken = session?.CsrfToken ?? "",
            // The kiosk stands in a public room: the page leaves by itself when the server would end the session anyway.
            IdleSeconds = session is null ? 0 : (int)http.RequestServices.GetRequiredService<SessionStore>().Settings.IdleTimeout.TotalSeconds,
            StorageFault = service.Store.Fault is { } fault ? text[fault.Kind == Storage.Ledger.StoreFaultKind.DiskFull ? "fault.diskFull" : "fault.writeFailed"] : null,
            GridNames = service.Config.GridNames,
        };
    }

    /// <summary>
    /// Only a local path may follow the login, never another site: one '/', then printable ASCII without '\\'.
    /// Browsers drop tabs and newlines from a URL, so "/\t/evil.example" would become "//evil.example": refused.
    /// </summary>
    public static string SafeNext(string? next) =>
        next is { Length: > 1 } n && n[0] == '/' && n[1] is not ('/' or '\\') && n.All(c => c is > ' ' and < '\x7f' and not '\\')
        && Uri.TryCreate(n, UriKind.Relative, out _)
            ? n
            : "/";

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The ids of a type's records that are not voided and pass the filter, newest first.</summary>
    private static List<string> Matching(Storage.Records.RecordSummaries summaries, RecordType type, RecordListFilter filter)
    {
        var wanted = summaries.OfType(type)
            .Where(s => !s.Voided && (filter.Status is null || s.Status == filter.Status) && (filter.Risk is null || RiskOf(s) == filter.Risk))
            .Select(s => s.Id)
            .ToList();
        wanted.Sort((a, b) => string.CompareOrdinal(b, a));
        return wanted;
    }

    private static string? RiskOf(Storage.Records.RecordSummary s)
    {
        foreach (var (key, value) in s.Others)
        {
            if (key == FieldKeys.Risk)
            {
                return value.ToString();
            }
        }
        return null;
    }

    private static IReadOnlyList<RecordSnapshot> Read(RecordService service, List<string> ids, int page) =>
        service.Store.RecordsPage(ids, page * PageSize, PageSize);

    /// <summary>
    /// Open disputes and petitions by their next deadline, most urgent first (ties: id order): every overdue one
    /// (up to <see cref="MaxDue"/>; the lists hold the rest), or the <see cref="MinDue"/> most urgent when fewer
    /// are late. Once per ledger head and day.
    /// </summary>
    private static List<DueItem> Due(RecordService service, DateOnly today) =>
        service.Cached("kiosk.due", today, summaries =>
        {
            var due = summaries.Where(s => s.Type is RecordType.Dispute or RecordType.Petition && !s.Voided)
                .OrderBy(s => s.Type).ThenBy(s => s.Id, StringComparer.Ordinal)
                .SelectMany(s => Deadlines(service, s.ToSnapshot(), today).Where(d => !d.Deadline.IsMet).Take(1))
                .OrderBy(d => d.DaysLeft)
                .ToList();
            var overdue = due.Count(d => d.DaysLeft < 0);
            return due.Take(Math.Clamp(overdue, MinDue, MaxDue))
                // Summaries keep no texts: the few shown are read in full.
                .Select(d => service.Store.Find(d.Id) is { } full ? d with { Summary = full.Text(FieldKeys.Summary) ?? "", Grid = full.Text(FieldKeys.Grid) } : d)
                .ToList();
        });

    private const int MinDue = 12;
    private const int MaxDue = 50;

    /// <summary>The record's input fields pre-filled with what it holds now (times in the station's zone, as the form shows them).</summary>
    private static List<FieldInput> AmendFields(RecordService service, RecordSnapshot record, IReadOnlySet<string> hidden, UiText text) =>
        service.Commands.Schemas[record.Type].InputFields
            .Where(f => !hidden.Contains(f.Key))
            .Select(f => new FieldInput(f, text, "a-", Prefill(service, record, f)) { GridNames = service.Config.GridNames })
            .ToList();

    private static string? Prefill(RecordService service, RecordSnapshot record, FieldSpec f) =>
        f.Kind == FieldKind.Instant && record.Instant(f.Key) is { } at
            ? TimeZoneInfo.ConvertTime(at, service.Commands.Time.Zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : record.Fields.TryGetValue(f.Key, out var v) ? v.ToString() : null;

    /// <summary>The record's deadlines by the one rule the indicators count by (<see cref="RecordDeadlines"/>).</summary>
    private static IEnumerable<DueItem> Deadlines(RecordService service, RecordSnapshot r, DateOnly today)
    {
        var summary = r.Text(FieldKeys.Summary) ?? "";
        var type = RecordTypeNames.Name(r.Type);
        return service.Calculator.Deadlines.All(r, today)
            .Select(d => new DueItem(r.Id, type, summary, "deadline." + d.Name, d.Status, d.Status.DaysLeft(today)));
    }

    internal static string ReadAsset(string name)
    {
        using var stream = typeof(KioskEndpoints).Assembly.GetManifestResourceStream($"kiosk/{name}")
            ?? throw new InvalidOperationException($"kiosk asset {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
