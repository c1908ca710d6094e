using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Indicators;

/// <summary>
/// Computes the indicators for one local day from record snapshots, in one pass. Voided records and
/// anything reported after the day are ignored, and workflow steps count only once they happened by that day,
/// so a past date gives the figures as they stood then. Definitions: docs/indicators.md.
/// </summary>
public sealed class IndicatorCalculator
{
    private readonly StationSettings _settings;
    private readonly HolidayCalendar _calendar;
    private readonly StationTime _time;
    private readonly RecordDeadlines _deadlines;
    private readonly int _escalationRank;

    public IndicatorCalculator(StationSettings settings, HolidayCalendar calendar)
    {
        _settings = settings;
        _calendar = calendar;
        _time = new StationTime(settings.TimeZone);
        _deadlines = new RecordDeadlines(settings, calendar);
        _escalationRank = PetitionLevel.Rank(settings.EscalationAbove);
    }

    public StationTime Time => _time;

    /// <summary>The holiday schedule the petition deadlines are counted with.</summary>
    public HolidayCalendar Calendar => _calendar;

    /// <summary>The deadline rule the figures count by: the kiosk and the CLI show the same deadlines.</summary>
    public RecordDeadlines Deadlines => _deadlines;

    /// <summary>
    /// Why no figures can be given for <paramref name="date"/>, or null: before the station started there were no
    /// records to judge (a perfect score would be invented), and the future has not happened.
    /// </summary>
    public static string? DateProblem(DateOnly date, DateOnly stationStart, DateOnly today) =>
        date < stationStart
            ? $"{date:yyyy-MM-dd} is before the station started keeping records ({stationStart:yyyy-MM-dd}); there are no figures for it"
            : date > today
                ? $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in the station's time zone)"
                : null;

    public IndicatorReport Compute(IEnumerable<RecordSnapshot> records, DateOnly date, DateOnly stationStart)
    {
        var yearStart = new DateOnly(date.Year, 1, 1);
        var monthStart = new DateOnly(date.Year, date.Month, 1);
        DateOnly? lastCase = null, lastPetition = null, lastLawsuit = null, lastCult = null;
        int yCases = 0, yEscalated = 0, yLawsuits = 0, yCults = 0;
        int mCases = 0, mEscalated = 0, mLawsuits = 0, mCults = 0;
        int dAssessOverdue = 0, dAccepted = 0, dResolved = 0, dEscalated = 0, dClosed = 0, dOpen = 0, dOverdue = 0, dFollowUpsOverdue = 0;
        int red = 0, yellow = 0, green = 0, unassessed = 0;
        int pReceived = 0, pCollective = 0, pRepeat = 0, pEscalated = 0, pAccDue = 0, pAccOnTime = 0, pCompDue = 0, pCompOnTime = 0, pOverdue = 0, pRated = 0, pSatisfied = 0;
        int gCollected = 0, gClosed = 0;

        foreach (var r in records)
        {
            if (r.Voided)
            {
                continue;
            }
            var reported = _time.LocalDate(r.ReportedAt);
            if (reported > date)
            {
                continue;
            }
            var occurred = _time.LocalDate(r.OccurredAt);
            var thisYear = reported >= yearStart;
            switch (r.Type)
            {
                case RecordType.Case:
                    Count(occurred, ref lastCase, ref yCases, ref mCases);
                    break;
                case RecordType.Lawsuit:
                    Count(occurred, ref lastLawsuit, ref yLawsuits, ref mLawsuits);
                    break;
                case RecordType.Cult:
                    Count(occurred, ref lastCult, ref yCults, ref mCults);
                    break;
                case RecordType.Petition:
                    if (EscalatedOn(r, occurred) is { } escalatedOn && escalatedOn <= date)
                    {
                        Count(escalatedOn, ref lastPetition, ref yEscalated, ref mEscalated);
                        if (thisYear)
                        {
                            pEscalated++;
                        }
                    }
                    // Deadline steps count in the period they fall due in (docs/indicators.md): met in it, or
                    // still open and past due, whatever year the petition came in.
                    var petitionOverdue = false;
                    foreach (var d in _deadlines.All(r, date))
                    {
                        var met = d.Status.MetOn is { } metOn && metOn >= yearStart;
                        var overdue = d.IsOverdue(date);
                        petitionOverdue |= overdue;
                        if (!met && !overdue)
                        {
                            continue;
                        }
                        var onTime = d.Status.MetOnTime ? 1 : 0;
                        if (d.Kind == DeadlineKind.PetitionAcceptance)
                        {
                            pAccDue++;
                            pAccOnTime += onTime;
                        }
                        else
                        {
                            pCompDue++;
                            pCompOnTime += onTime;
                        }
                    }
                    pOverdue += petitionOverdue ? 1 : 0;
                    if (thisYear)
                    {
                        pReceived++;
                        if (r.Number(FieldKeys.Persons) >= 5)
                        {
                            pCollective++;
                        }
                        if (r.Fields.ContainsKey(FieldKeys.RepeatOf))
                        {
                            pRepeat++;
                        }
                        if (r.Text(FieldKeys.Satisfaction) is { } satisfaction)
                        {
                            pRated++;
                            pSatisfied += satisfaction is "satisfied" or "basically-satisfied" ? 1 : 0;
                        }
                    }
                    break;
                case RecordType.Dispute:
                    // Overdue steps are the open backlog, whatever year the dispute came in (the due list shows the same).
                    foreach (var d in _deadlines.Overdue(r, date))
                    {
                        switch (d.Kind)
                        {
                            case DeadlineKind.DisputeAssessment: dAssessOverdue++; break;
                            case DeadlineKind.DisputeResolution: dOverdue++; break;
                            case DeadlineKind.DisputeFollowUp: dFollowUpsOverdue++; break;
                        }
                    }
                    if (!thisYear)
                    {
                        break;
                    }
                    dAccepted++;
                    switch (r.Text(FieldKeys.Risk))
                    {
                        case RiskColour.Red: red++; break;
                        case RiskColour.Yellow: yellow++; break;
                        case RiskColour.Green: green++; break;
                        default: unassessed++; break;
                    }
                    if (MarkedBy(r, "resolve", date))
                    {
                        dResolved++;
                    }
                    else if (MarkedBy(r, "escalate", date))
                    {
                        dEscalated++;
                    }
                    else if (MarkedBy(r, "close-unresolved", date))
                    {
                        dClosed++;
                    }
                    else
                    {
                        dOpen++;
                    }
                    break;
                case RecordType.GridEvent when thisYear:
                    gCollected++;
                    gClosed += MarkedBy(r, "close", date) ? 1 : 0;
                    break;
            }
        }

        int Streak(DateOnly? last) => Math.Max(0, date.DayNumber - (last ?? stationStart).DayNumber);

        var disputeRate = Rate(dResolved, dAccepted);
        var acceptanceRate = Rate(pAccOnTime, pAccDue);
        var completionRate = Rate(pCompOnTime, pCompDue);
        var onTimeRate = Rate(pAccOnTime + pCompOnTime, pAccDue + pCompDue);
        var gridRate = Rate(gClosed, gCollected);
        var components = SafetyIndex(mCases, mEscalated, mLawsuits, mCults, disputeRate, onTimeRate, gridRate);

        return new IndicatorReport
        {
            Date = date,
            TimeZone = _time.Zone.Id,
            StationStart = stationStart,
            HolidayScheduleKnown = _calendar.HasScheduleFor(date.Year),
            HolidayScheduleMissingYear = _calendar.MissingYear(date),
            StreakDays = new StreakDays(Streak(lastCase), Streak(lastPetition), Streak(lastLawsuit), Streak(lastCult)),
            FourNothing = new FourNothingStatus(date.Year, yCases + yEscalated + yLawsuits + yCults == 0, yCases, yEscalated, yLawsuits, yCults),
            Disputes = new DisputeFigures(dAccepted, dResolved, dEscalated, dClosed, dOpen, dOverdue, dFollowUpsOverdue, new RiskCounts(red, yellow, green, unassessed))
            {
                AssessmentsOverdue = dAssessOverdue,
            },
            DisputeResolutionRate = disputeRate,
            Petitions = new PetitionFigures(pReceived, pCollective, pRepeat, pEscalated, pAccDue, pAccOnTime, pCompDue, pCompOnTime, pOverdue, pRated, pSatisfied),
            PetitionAcceptanceOnTimeRate = acceptanceRate,
            PetitionCompletionOnTimeRate = completionRate,
            PetitionOnTimeRate = onTimeRate,
            PetitionRepeatRate = Rate(pRepeat, pReceived),
            PetitionSatisfactionRate = Rate(pSatisfied, pRated),
            GridEvents = new GridEventFigures(gCollected, gClosed),
            GridEventClosedRate = gridRate,
            SafetyIndex = Math.Round(components.Sum(c => c.Points), 1),
            SafetyIndexComponents = components,
        };

        void Count(DateOnly day, ref DateOnly? last, ref int year, ref int month)
        {
            if (day > date)
            {
                return;
            }
            if (last is null || day > last)
            {
                last = day;
            }
            year += day >= yearStart ? 1 : 0;
            month += day >= monthStart ? 1 : 0;
        }
    }

    /// <summary>The day a petition went beyond the escalation level, or null if it has not.</summary>
    private DateOnly? EscalatedOn(RecordSnapshot petition, DateOnly occurred)
    {
        var level = petition.Text(FieldKeys.Level) ?? "village";
        if (PetitionLevel.Rank(level) <= _escalationRank)
        {
            return null;
        }
        DateOnly? first = null;
        for (var rank = _escalationRank + 1; rank < PetitionLevel.All.Count; rank++)
        {
            if (petition.Mark(RecordProjector.LevelMark(PetitionLevel.All[rank])) is { } at && _time.LocalDate(at) is var day && (first is null || day < first))
            {
                first = day;
            }
        }
        return first ?? occurred;
    }

    private bool MarkedBy(RecordSnapshot r, string action, DateOnly date) =>
        r.Mark(action) is { } at && _time.LocalDate(at) <= date;

    private List<SafetyIndexComponent> SafetyIndex(int cases, int escalated, int lawsuits, int cults, double? disputeRate, double? onTimeRate, double? gridRate)
    {
        var w = _settings.SafetyIndex;
        var scale = w.Total > 0 ? 100.0 / w.Total : 0;
        double Absence(int incidents) => Math.Max(0, 1 - (w.IncidentPenalty * incidents));
        SafetyIndexComponent C(string name, double weight, double score) =>
            new(name, weight, Math.Round(score, 4), Math.Round(weight * score * scale, 2));
        // A rate with nothing due scores full marks: there was nothing to fail.
        return
        [
            C("noCases", w.NoCases, Absence(cases)),
            C("noEscalatedPetitions", w.NoEscalatedPetitions, Absence(escalated)),
            C("noLawsuits", w.NoLawsuits, Absence(lawsuits)),
            C("noCults", w.NoCults, Absence(cults)),
            C("disputeResolution", w.DisputeResolution, disputeRate ?? 1),
            C("petitionOnTime", w.PetitionOnTime, onTimeRate ?? 1),
            C("gridEventClosure", w.GridEventClosure, gridRate ?? 1),
        ];
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
