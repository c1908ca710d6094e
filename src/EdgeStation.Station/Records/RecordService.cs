using System.Globalization;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Records;

namespace EdgeStation.Station.Records;

/// <summary>
/// The records use cases over one open store: every write is validated by the domain on the ledger's writer
/// thread and acknowledged only once committed. The CLI uses it now; the web API will use the same.
/// The CLI calls the async methods synchronously, so no await here resumes on a captured context
/// (ConfigureAwait(false)): under a context with few threads (xUnit's) that would deadlock.
/// </summary>
public sealed class RecordService(LedgerStore store, StationConfig config, TimeProvider time)
{
    public LedgerStore Store { get; } = store;
    public StationConfig Config { get; } = config;
    public RecordCommands Commands { get; } = new(config.Settings);

    /// <summary>Every personal field key of every record type (RecordSchemas' Personal flag): what redaction leaves out.</summary>
    public IReadOnlySet<string> PersonalKeys { get; } = AllPersonalKeys(new RecordSchemas(config.Settings));

    public AppendResult Add(RecordType type, IReadOnlyDictionary<string, string> raw, string actor) =>
        AddAsync(type, raw, actor).GetAwaiter().GetResult();

    public async Task<AppendResult> AddAsync(RecordType type, IReadOnlyDictionary<string, string> raw, string actor)
    {
        var now = Now();
        if (Store.Head.Seq == 0)
        {
            // Checked before the station's own entry is written: a rejected first record leaves no ledger behind.
            Commands.Create(type, $"{RecordTypeNames.IdPrefix(type)}-0000-0000", raw, actor, now, Store.Find);
        }
        EnsureStation(actor, now);
        return (await Store.AppendAsync(view =>
        {
            var id = view.NextRecordId(type, Commands.Time.LocalDate(now).Year);
            return Commands.Create(type, id, raw, actor, now, view.Find);
        }).ConfigureAwait(false))!;
    }

    public AppendResult Transition(string id, string action, TransitionInput input, string actor) =>
        TransitionAsync(id, action, input, actor).GetAwaiter().GetResult();

    /// <param name="guard">Runs on the writer thread against the record as it stands, before the change; its
    /// exception (e.g. <see cref="Domain.Accounts.AccessDeniedException"/>) reaches the caller and nothing is written.</param>
    public async Task<AppendResult> TransitionAsync(string id, string action, TransitionInput input, string actor, Action<RecordSnapshot>? guard = null)
    {
        var now = Now();
        var start = Store.Station()?.StartDate;
        return (await Store.AppendAsync(view => Commands.Transition(Require(view, id, guard), action, input, actor, now, start)).ConfigureAwait(false))!;
    }

    public AppendResult Amend(string id, IReadOnlyDictionary<string, string> raw, string? reason, string actor) =>
        AmendAsync(id, raw, reason, actor).GetAwaiter().GetResult();

    public async Task<AppendResult> AmendAsync(string id, IReadOnlyDictionary<string, string> raw, string? reason, string actor, Action<RecordSnapshot>? guard = null)
    {
        var now = Now();
        return (await Store.AppendAsync(view => Commands.Amend(Require(view, id, guard), raw, reason, actor, now, view.Find)).ConfigureAwait(false))!;
    }

    public AppendResult Void(string id, string? reason, string actor) =>
        VoidAsync(id, reason, actor).GetAwaiter().GetResult();

    public async Task<AppendResult> VoidAsync(string id, string? reason, string actor, Action<RecordSnapshot>? guard = null)
    {
        var now = Now();
        return (await Store.AppendAsync(view => Commands.Void(Require(view, id, guard), reason, actor, now)).ConfigureAwait(false))!;
    }

    public RecordSnapshot Get(string id) =>
        Store.Find(id) ?? throw new RecordNotFoundException(id);

    public DateOnly Today() => Commands.Time.LocalDate(time.GetUtcNow());

    /// <summary>
    /// The indicators for a local day (default today), from the store's in-memory record summaries. A report is
    /// computed once per ledger head and day and shared until the next commit: treat it as read-only.
    /// </summary>
    public IndicatorReport Indicators(DateOnly? date)
    {
        var day = date ?? Today();
        return Cached("indicators", day, summaries => Calculator.Compute(summaries.Select(s => s.ToSnapshot()), day, StationStart(day)));
    }

    /// <summary>
    /// The indicator definitions with this station's settings and its holiday calendar: the built-in years plus the
    /// schedules imported into the ledger (`holidays import`), looked up again only when the ledger head moves.
    /// </summary>
    public IndicatorCalculator Calculator
    {
        get
        {
            var head = Store.Head.Seq;
            var known = Volatile.Read(ref _calculator);
            if (known.Head == head)
            {
                return known.Calculator;
            }
            var imports = Store.History(HolidayImports.RecordId).Select(h => h.Event).ToList();
            var calculator = imports.Count == known.Imports
                ? known.Calculator
                : new IndicatorCalculator(Config.Settings, HolidayImports.Apply(HolidayCalendar.Official, imports));
            Volatile.Write(ref _calculator, new CalculatorState(head, imports.Count, calculator));
            return calculator;
        }
    }

    private CalculatorState _calculator = new(-1, 0, new IndicatorCalculator(config.Settings, HolidayCalendar.Official));

    private sealed record CalculatorState(long Head, int Imports, IndicatorCalculator Calculator);

    /// <summary>Records an imported holiday schedule in the ledger; the calendar in use changes with it.</summary>
    public AppendResult ImportHolidays(IReadOnlyList<HolidayDay> schedule, string actor)
    {
        var now = Now();
        EnsureStation(actor, now);
        return Store.Append(_ => HolidayImports.Entry(schedule, actor, now))!;
    }

    /// <summary>The day record keeping started (streaks count from it); <paramref name="fallback"/> before the first entry.</summary>
    public DateOnly StationStart(DateOnly fallback) => Store.Station()?.StartDate ?? fallback;

    /// <summary>
    /// <paramref name="compute"/>'s answer for the current record summaries and <paramref name="day"/>, computed
    /// once per (name, ledger head, day) and shared by every caller until the next commit changes the head.
    /// Only for results that depend on nothing but the ledger and the day; treat them as read-only.
    /// </summary>
    public T Cached<T>(string name, DateOnly day, Func<RecordSummaries, T> compute)
        where T : class
    {
        var summaries = Store.Summaries();
        var slot = _cache.GetOrAdd(name, static _ => new CacheSlot());
        if (slot.Entry is { } hit && hit.Head == summaries.Head && hit.Day == day && hit.Value is T value)
        {
            return value;
        }
        lock (slot.Gate) // one computation at a time per name: concurrent callers wait for it instead of repeating it
        {
            if (slot.Entry is { } again && again.Head == summaries.Head && again.Day == day && again.Value is T computed)
            {
                return computed;
            }
            var fresh = compute(summaries);
            slot.Entry = new CacheEntry(summaries.Head, day, fresh);
            return fresh;
        }
    }

    private sealed record CacheEntry(LedgerHead Head, DateOnly Day, object Value);

    private sealed class CacheSlot
    {
        public Lock Gate { get; } = new();
        private CacheEntry? _entry;

        public CacheEntry? Entry
        {
            get => Volatile.Read(ref _entry);
            set => Volatile.Write(ref _entry, value);
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CacheSlot> _cache = new(StringComparer.Ordinal);

    /// <summary>The ledger's first entry names the village and the day record keeping started (streaks count from it).</summary>
    public void EnsureStation(string actor, DateTimeOffset now, DateOnly? startDate = null, string? village = null)
    {
        if (Store.Head.Seq > 0)
        {
            return;
        }
        Store.Append(view => view.Head.Seq > 0 ? null : new RecordEvent
        {
            Type = RecordEvent.StationType,
            RecordId = "station",
            Action = RecordEvent.StationInit,
            Actor = actor,
            At = RecordEvent.Truncate(now),
            Fields = new(StringComparer.Ordinal)
            {
                [FieldKeys.StartDate] = FieldValue.Of((startDate ?? Commands.Time.LocalDate(now)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                [FieldKeys.Village] = FieldValue.Of(village ?? Config.Village),
                ["timeZone"] = FieldValue.Of(Config.Settings.TimeZone),
            },
        });
    }

    private static HashSet<string> AllPersonalKeys(RecordSchemas schemas) =>
        RecordTypeNames.All.SelectMany(t => schemas[t].PersonalKeys).ToHashSet(StringComparer.Ordinal);

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        ClockGuard.EnsurePlausible(now);
        return now;
    }

    private static RecordSnapshot Require(ILedgerView view, string id, Action<RecordSnapshot>? guard = null)
    {
        var record = view.Find(id) ?? throw new RecordNotFoundException(id);
        guard?.Invoke(record);
        return record;
    }
}
