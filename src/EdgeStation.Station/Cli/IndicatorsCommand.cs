using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Domain.Indicators;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Cli;

/// <summary>`edgestation indicators`: streaks, four-nothing status, rates and the safety index for a day.</summary>
public static class IndicatorsCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var date = new Option<string?>("--date") { Description = "the day, YYYY-MM-DD (default: today in the station's time zone)", HelpName = "YYYY-MM-DD" };
        var cmd = new Command("indicators", "the figures the township judges the village by") { date };
        cmd.SetAction(p =>
        {
            DateOnly? day = null;
            if (p.GetValue(date) is { } text)
            {
                day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new UsageException($"--date must be a date like 2026-03-15 (got '{text}')");
            }
            using var session = g.OpenToRead(p, ctx);
            if (day is { } asked)
            {
                var today = session.Service.Today();
                if (IndicatorCalculator.DateProblem(asked, session.Service.StationStart(today), today) is { } problem)
                {
                    throw new UsageException($"--date: {problem}");
                }
            }
            var report = session.Service.Indicators(day);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(report, StationJsonContext.Default.IndicatorReport));
            }
            else
            {
                WriteText(ctx.Out, report);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void WriteText(TextWriter o, IndicatorReport r)
    {
        static string Pct(double? rate) => rate is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
        o.WriteLine($"indicators for {r.Date:yyyy-MM-dd} ({r.TimeZone}; records kept since {r.StationStart:yyyy-MM-dd})");
        if (r.HolidayScheduleMissingYear is { } missing)
        {
            o.WriteLine("  " + HolidaysCommand.MissingWarning(missing));
        }
        o.WriteLine($"  streak days   no cases 无案件 {r.StreakDays.NoCases}   no petitions 无上访 {r.StreakDays.NoPetitions}   no lawsuits 无诉讼 {r.StreakDays.NoLawsuits}   no cults 无邪教 {r.StreakDays.NoCults}");
        var f = r.FourNothing;
        o.WriteLine($"  four-nothing 四无 {f.Year}: {(f.Achieved ? "yes" : "no")} (cases {f.Cases}, escalated petitions {f.EscalatedPetitions}, lawsuits {f.Lawsuits}, cults {f.Cults})");
        var d = r.Disputes;
        o.WriteLine($"  disputes      {d.Accepted} accepted, {d.Resolved} resolved, {d.Escalated} escalated, {d.Open} open ({d.Overdue} overdue, {d.AssessmentsOverdue} not assessed in time), follow-ups overdue {d.FollowUpsOverdue}");
        o.WriteLine($"                red {d.ByColour.Red} / yellow {d.ByColour.Yellow} / green {d.ByColour.Green} / unassessed {d.ByColour.Unassessed}; resolution rate 化解率 {Pct(r.DisputeResolutionRate)}");
        var pt = r.Petitions;
        o.WriteLine($"  petitions     {pt.Received} received ({pt.Collective} collective, {pt.Repeat} repeat, {pt.Escalated} escalated), {pt.Overdue} overdue");
        o.WriteLine($"                on time: acceptance {Pct(r.PetitionAcceptanceOnTimeRate)}, completion {Pct(r.PetitionCompletionOnTimeRate)}, overall {Pct(r.PetitionOnTimeRate)}; repeat {Pct(r.PetitionRepeatRate)}; satisfaction {Pct(r.PetitionSatisfactionRate)}");
        o.WriteLine($"  grid events   {r.GridEvents.Collected} collected, {r.GridEvents.Closed} closed ({Pct(r.GridEventClosedRate)})");
        o.WriteLine($"  safety index 平安指数 {r.Date:yyyy-MM}: {r.SafetyIndex.ToString("0.0", CultureInfo.InvariantCulture)} / 100");
        foreach (var c in r.SafetyIndexComponents)
        {
            o.WriteLine($"    {c.Name,-22} weight {c.Weight,5:0.##}  score {c.Score,6:0.000}  points {c.Points,6:0.00}");
        }
    }
}
