using EdgeStation.Domain.Indicators;
using EdgeStation.Sync.V1;

namespace EdgeStation.Sync.Summaries;

/// <summary>
/// Turns the station's <see cref="IndicatorReport"/> into the wire's <see cref="Figures"/>: counts as they are,
/// rates as the numerator and denominator they were computed from (so the township can add villages up
/// exactly), the safety index in fixed point.
/// </summary>
public static class FiguresMapper
{
    public static Figures From(IndicatorReport report, RecordStateTally? tally = null)
    {
        var d = report.Disputes;
        var p = report.Petitions;
        var g = report.GridEvents;
        var figures = new Figures
        {
            AsOfDate = Yyyymmdd(report.Date),
            StationStartDate = Yyyymmdd(report.StationStart),
            HolidayScheduleKnown = report.HolidayScheduleKnown,
            Streaks = new V1.StreakDays
            {
                NoCases = U(report.StreakDays.NoCases),
                NoEscalatedPetitions = U(report.StreakDays.NoPetitions),
                NoLawsuits = U(report.StreakDays.NoLawsuits),
                NoCults = U(report.StreakDays.NoCults),
            },
            FourNothing = new FourNothing
            {
                Year = U(report.FourNothing.Year),
                Achieved = report.FourNothing.Achieved,
                Cases = U(report.FourNothing.Cases),
                EscalatedPetitions = U(report.FourNothing.EscalatedPetitions),
                Lawsuits = U(report.FourNothing.Lawsuits),
                Cults = U(report.FourNothing.Cults),
            },
            Disputes = new DisputeCounts
            {
                Accepted = U(d.Accepted),
                Resolved = U(d.Resolved),
                Escalated = U(d.Escalated),
                ClosedUnresolved = U(d.ClosedUnresolved),
                Open = U(d.Open),
                Overdue = U(d.Overdue),
                FollowUpsOverdue = U(d.FollowUpsOverdue),
                AssessmentsOverdue = U(d.AssessmentsOverdue),
                Red = U(d.ByColour.Red),
                Yellow = U(d.ByColour.Yellow),
                Green = U(d.ByColour.Green),
                Unassessed = U(d.ByColour.Unassessed),
            },
            Petitions = new PetitionCounts
            {
                Received = U(p.Received),
                Collective = U(p.Collective),
                Repeat = U(p.Repeat),
                Escalated = U(p.Escalated),
                AcceptanceDue = U(p.AcceptanceDue),
                AcceptedOnTime = U(p.AcceptedOnTime),
                CompletionDue = U(p.CompletionDue),
                CompletedOnTime = U(p.CompletedOnTime),
                Overdue = U(p.Overdue),
                Rated = U(p.Rated),
                Satisfied = U(p.Satisfied),
            },
            GridEvents = new GridEventCounts { Collected = U(g.Collected), Closed = U(g.Closed) },
            // The same fractions IndicatorCalculator rounds into its doubles.
            DisputeResolution = Rate(d.Resolved, d.Accepted),
            PetitionAcceptanceOnTime = Rate(p.AcceptedOnTime, p.AcceptanceDue),
            PetitionCompletionOnTime = Rate(p.CompletedOnTime, p.CompletionDue),
            PetitionOnTime = Rate(p.AcceptedOnTime + p.CompletedOnTime, p.AcceptanceDue + p.CompletionDue),
            PetitionRepeat = Rate(p.Repeat, p.Received),
            PetitionSatisfaction = Rate(p.Satisfied, p.Rated),
            GridEventClosure = Rate(g.Closed, g.Collected),
            SafetyIndex = new V1.SafetyIndex { IndexCenti = Fixed(report.SafetyIndex, 100) },
        };
        foreach (var c in report.SafetyIndexComponents)
        {
            figures.SafetyIndex.Components.Add(new SafetyIndexPart
            {
                Component = Component(c.Name),
                WeightMilli = Fixed(c.Weight, 1000),
                ScorePer10000 = Fixed(c.Score, 10000),
                PointsCenti = Fixed(c.Points, 100),
            });
        }
        if (tally is not null)
        {
            figures.RecordCounts.AddRange(tally.Counts());
        }
        return figures;
    }

    /// <summary>The component's wire name (IndicatorCalculator names them in camelCase).</summary>
    public static SafetyComponent Component(string name) => name switch
    {
        "noCases" => SafetyComponent.NoCases,
        "noEscalatedPetitions" => SafetyComponent.NoEscalatedPetitions,
        "noLawsuits" => SafetyComponent.NoLawsuits,
        "noCults" => SafetyComponent.NoCults,
        "disputeResolution" => SafetyComponent.DisputeResolution,
        "petitionOnTime" => SafetyComponent.PetitionOnTime,
        "gridEventClosure" => SafetyComponent.GridEventClosure,
        _ => SafetyComponent.Unspecified,
    };

    public static uint Yyyymmdd(DateOnly date) => (uint)((date.Year * 10000) + (date.Month * 100) + date.Day);

    public static DateOnly FromYyyymmdd(uint value) => new((int)(value / 10000), (int)(value / 100 % 100), (int)(value % 100));

    private static V1.Rate Rate(int numerator, int denominator) => new() { Numerator = U(numerator), Denominator = U(denominator) };

    private static uint U(int value) => (uint)Math.Max(0, value);

    private static uint Fixed(double value, int scale) => (uint)Math.Max(0, Math.Round(value * scale, MidpointRounding.AwayFromZero));
}
