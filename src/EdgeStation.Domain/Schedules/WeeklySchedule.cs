using System.Text;
using EdgeStation.Domain.Calendar;

namespace EdgeStation.Domain.Schedules;

/// <summary>
/// Weekly time windows (时间段) with the station's holiday calendar: a listed rest day (法定节假日) uses the holiday
/// windows, a make-up workday (调休上班) on a weekend uses the windows of <see cref="MakeUpWorkdayAs"/>, every other day
/// its weekday's. Shared by door access levels and camera arming. Immutable; a decision costs a dictionary look-up
/// and a scan of at most <see cref="MaxWindowsPerDay"/> windows.
/// </summary>
public sealed class WeeklySchedule
{
    /// <summary>Commercial controllers offer three per day; eight leaves room for split shifts without unbounded scans.</summary>
    public const int MaxWindowsPerDay = 8;

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly TimeWindow[][] _week;

    /// <param name="week">Windows per weekday; a weekday not given is closed.</param>
    /// <param name="holidays">Windows on listed rest days (empty: closed on holidays).</param>
    /// <param name="followsHolidays">False: the calendar is ignored and only the weekday counts (a guard's round, a 24-hour door).</param>
    public WeeklySchedule(
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeWindow>> week,
        IReadOnlyList<TimeWindow>? holidays = null,
        DayOfWeek makeUpWorkdayAs = DayOfWeek.Monday,
        bool followsHolidays = true)
    {
        ArgumentNullException.ThrowIfNull(week);
        _week = new TimeWindow[7][];
        for (var d = 0; d < 7; d++)
        {
            _week[d] = Normalise(week.TryGetValue((DayOfWeek)d, out var w) ? w : [], DayNames[d]);
        }
        HolidayWindows = Normalise(holidays ?? [], "holiday");
        if (makeUpWorkdayAs is DayOfWeek.Saturday or DayOfWeek.Sunday || !Enum.IsDefined(makeUpWorkdayAs))
        {
            throw new ScheduleInputException("a make-up workday runs like a weekday (mon–fri)");
        }
        MakeUpWorkdayAs = makeUpWorkdayAs;
        FollowsHolidays = followsHolidays;
    }

    /// <summary>Open at every moment of every day, holidays included.</summary>
    public static WeeklySchedule Always { get; } = new(
        WeekOrder.ToDictionary(d => d, _ => (IReadOnlyList<TimeWindow>)[TimeWindow.WholeDay]), [TimeWindow.WholeDay], followsHolidays: false);

    /// <summary>Never open.</summary>
    public static WeeklySchedule Never { get; } = new(new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>());

    public IReadOnlyList<TimeWindow> HolidayWindows { get; }
    public DayOfWeek MakeUpWorkdayAs { get; }
    public bool FollowsHolidays { get; }

    public IReadOnlyList<TimeWindow> WindowsOf(DayOfWeek day) => _week[(int)day];

    public ScheduleDayKind KindOf(DateOnly date, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!FollowsHolidays || calendar.Find(date) is not { } listed)
        {
            return ScheduleDayKind.Weekday;
        }
        if (!listed.IsWorkday)
        {
            return ScheduleDayKind.Holiday;
        }
        // A listed workday on a weekday is an ordinary workday already.
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? ScheduleDayKind.MakeUpWorkday : ScheduleDayKind.Weekday;
    }

    /// <summary>The windows that apply on the local date <paramref name="date"/>.</summary>
    public IReadOnlyList<TimeWindow> WindowsOn(DateOnly date, HolidayCalendar calendar) => KindOf(date, calendar) switch
    {
        ScheduleDayKind.Holiday => HolidayWindows,
        ScheduleDayKind.MakeUpWorkday => _week[(int)MakeUpWorkdayAs],
        _ => _week[(int)date.DayOfWeek],
    };

    /// <summary>Whether the schedule is open at the station-local time <paramref name="local"/>.</summary>
    public bool IsOpen(DateTime local, HolidayCalendar calendar)
    {
        var time = TimeOnly.FromDateTime(local);
        foreach (var w in WindowsOn(DateOnly.FromDateTime(local), calendar))
        {
            if (w.Contains(time))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the schedule is open at <paramref name="instant"/>, read in the station's time zone.</summary>
    public bool IsOpen(DateTimeOffset instant, StationTime zone, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return IsOpen(TimeZoneInfo.ConvertTime(instant, zone.Zone).DateTime, calendar);
    }

    /// <summary>
    /// Reads the text form: clauses split by ';', each "DAYS WINDOWS" with DAYS like <c>mon</c>, <c>mon-fri</c>,
    /// <c>sat,sun</c>, <c>daily</c> or <c>holiday</c> and WINDOWS like <c>08:00-12:00,14:00-18:00</c> or <c>closed</c>;
    /// also <c>makeup tue</c> (how a make-up workday runs; default mon) and <c>holidays ignore</c>. Days not named are closed.
    /// Example: <c>mon-fri 08:00-18:00; sat 09:00-12:00; holiday closed</c>.
    /// </summary>
    public static WeeklySchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var week = new Dictionary<DayOfWeek, IReadOnlyList<TimeWindow>>();
        IReadOnlyList<TimeWindow>? holidays = null;
        var makeUp = DayOfWeek.Monday;
        var follows = true;
        var clauses = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length == 0)
        {
            throw new ScheduleInputException("an empty schedule; write e.g. 'mon-fri 08:00-18:00' (or 'daily closed' for a schedule that never opens)");
        }
        foreach (var clause in clauses)
        {
            var parts = clause.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new ScheduleInputException($"'{clause}': a clause is DAYS WINDOWS, e.g. 'mon-fri 08:00-18:00' or 'sun closed'");
            }
            var (head, body) = (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant());
            if (head == "makeup")
            {
                makeUp = DayOf(body, clause);
                continue;
            }
            if (head == "holidays")
            {
                follows = body == "ignore" ? false
                    : body == "follow" ? true
                    : throw new ScheduleInputException($"'{clause}': write 'holidays ignore' or 'holidays follow'");
                continue;
            }
            var windows = body == "closed"
                ? Array.Empty<TimeWindow>()
                : body.Split(',', StringSplitOptions.TrimEntries).Select(TimeWindow.Parse).ToArray();
            foreach (var spec in head.Split(','))
            {
                if (spec == "holiday")
                {
                    if (holidays is not null)
                    {
                        throw new ScheduleInputException($"'{clause}': holidays are named twice");
                    }
                    holidays = windows;
                    continue;
                }
                foreach (var day in DaysOf(spec, clause))
                {
                    if (!week.TryAdd(day, windows))
                    {
                        throw new ScheduleInputException($"'{clause}': {DayNames[(int)day]} is named twice");
                    }
                }
            }
        }
        return new WeeklySchedule(week, holidays, makeUp, follows);
    }

    /// <summary>The canonical text form; <see cref="Parse"/> reads it back to an equal schedule.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < 7)
        {
            var j = i;
            while (j + 1 < 7 && SameWindows(_week[(int)WeekOrder[j + 1]], _week[(int)WeekOrder[i]]))
            {
                j++;
            }
            var days = i == 0 && j == 6 ? "daily"
                : i == j ? DayNames[(int)WeekOrder[i]]
                : $"{DayNames[(int)WeekOrder[i]]}-{DayNames[(int)WeekOrder[j]]}";
            Append(sb, $"{days} {WindowsText(_week[(int)WeekOrder[i]])}");
            i = j + 1;
        }
        Append(sb, $"holiday {WindowsText(HolidayWindows)}");
        if (MakeUpWorkdayAs != DayOfWeek.Monday)
        {
            Append(sb, $"makeup {DayNames[(int)MakeUpWorkdayAs]}");
        }
        if (!FollowsHolidays)
        {
            Append(sb, "holidays ignore");
        }
        return sb.ToString();
    }

    public bool SameAs(WeeklySchedule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ToString() == other.ToString();
    }

    private static void Append(StringBuilder sb, string clause)
    {
        if (sb.Length > 0)
        {
            sb.Append("; ");
        }
        sb.Append(clause);
    }

    private static string WindowsText(IReadOnlyList<TimeWindow> windows) =>
        windows.Count == 0 ? "closed" : string.Join(',', windows);

    private static bool SameWindows(IReadOnlyList<TimeWindow> a, IReadOnlyList<TimeWindow> b) => a.SequenceEqual(b);

    private static DayOfWeek DayOf(string name, string clause)
    {
        var i = Array.IndexOf(DayNames, name);
        return i >= 0 ? (DayOfWeek)i
            : throw new ScheduleInputException($"'{clause}': '{name}' is not a day; use mon, tue, wed, thu, fri, sat, sun, daily or holiday");
    }

    private static IEnumerable<DayOfWeek> DaysOf(string spec, string clause)
    {
        if (spec == "daily")
        {
            return WeekOrder;
        }
        var range = spec.Split('-');
        if (range.Length == 1)
        {
            return [DayOf(range[0], clause)];
        }
        if (range.Length != 2)
        {
            throw new ScheduleInputException($"'{clause}': '{spec}' is not a day or a range such as mon-fri");
        }
        var from = Array.IndexOf(WeekOrder, DayOf(range[0], clause));
        var to = Array.IndexOf(WeekOrder, DayOf(range[1], clause));
        if (to < from)
        {
            throw new ScheduleInputException($"'{clause}': the range {spec} runs backwards; weeks run mon to sun");
        }
        return WeekOrder[from..(to + 1)];
    }

    /// <summary>Sorted, overlaps refused (they are almost always a typo for another window).</summary>
    private static TimeWindow[] Normalise(IReadOnlyList<TimeWindow> windows, string day)
    {
        if (windows.Count > MaxWindowsPerDay)
        {
            throw new ScheduleInputException($"{day}: at most {MaxWindowsPerDay} windows a day (got {windows.Count})");
        }
        var sorted = windows.OrderBy(w => w.StartMinute).ToArray();
        for (var k = 1; k < sorted.Length; k++)
        {
            if (sorted[k].StartMinute < sorted[k - 1].EndMinute)
            {
                throw new ScheduleInputException($"{day}: the windows {sorted[k - 1]} and {sorted[k]} overlap");
            }
        }
        return sorted;
    }
}
