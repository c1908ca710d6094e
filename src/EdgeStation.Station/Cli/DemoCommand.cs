using System.CommandLine;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Records;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation demo`: a seeded demo station on simulated hardware, with no setup. It keeps its own data dir
/// (never the real /var/lib/edgestation) and fills it with last year and this year to date on first use.
/// </summary>
public static class DemoCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var village = new Option<string>("--village") { Description = "the demo village's name", DefaultValueFactory = _ => "示范村", HelpName = "NAME" };
        var cmd = new Command("demo", "start a demo station on built-in data: no hardware, no network, no setup") { village };
        cmd.SetAction(p =>
        {
            var now = ctx.Time.GetUtcNow();
            ClockGuard.EnsurePlausible(now);
            var dataDir = p.GetValue(g.DataDir) ?? DefaultDemoDir(ctx);
            using var session = g.OpenAt(dataDir, p, ctx, mustExist: false);
            var service = session.Service;
            var name = p.GetValue(village)!.Trim();
            if (session.Store.Head.Seq == 0)
            {
                var year = service.Today().Year;
                ctx.Error.WriteLine($"creating a demo station for {name} in {dataDir} ({year - 1} and {year} to date) …");
                DemoLoader.Seed(service, name, year - 1, now);
                DemoLoader.Seed(service, name, year, now);
            }
            var station = session.Store.Station();
            var report = service.Indicators(null);
            var o = ctx.Out;
            o.WriteLine($"EdgeStation demo: {station?.Village} — data in {dataDir}");
            o.WriteLine($"  无案件 {report.StreakDays.NoCases} 天   无上访 {report.StreakDays.NoPetitions} 天   无诉讼 {report.StreakDays.NoLawsuits} 天   无邪教 {report.StreakDays.NoCults} 天");
            o.WriteLine($"  平安指数 {report.Date:yyyy-MM}: {report.SafetyIndex:0.0}   化解率 {report.DisputeResolutionRate * 100:0.0} %   open disputes {report.Disputes.Open} ({report.Disputes.Overdue} overdue)");
            WriteOverdue(o, service, report.Date);
            o.WriteLine($"  ledger head {session.Store.Head}  (records verify: {(Storage.Ledger.LedgerVerifier.Verify(session.Store.Entries()).Ok ? "intact" : "TAMPERED")})");
            o.WriteLine();
            var self = Invocation(ctx);
            o.WriteLine("Try:");
            o.WriteLine($"  {self} --data-dir {dataDir} indicators");
            o.WriteLine($"  {self} --data-dir {dataDir} records list --type petition");
            o.WriteLine($"  {self} --data-dir {dataDir} records add dispute --category neighbours --parties 2 --risk yellow --summary \"…\"");
            o.WriteLine("The kiosk web UI and simulated door/camera join this demo as they are built (see README).");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void WriteOverdue(TextWriter o, RecordService service, DateOnly today)
    {
        var time = service.Commands.Time;
        var petitions = new PetitionDeadlines(service.Config.Settings.PetitionRules, new DeadlineCalculator(HolidayCalendar.Official), time);
        var disputes = new DisputeDeadlines(service.Config.Settings.DisputeDeadlines, time);
        var open = service.Store.Records(RecordType.Dispute)
            .Where(r => !r.Voided && !DisputeDeadlines.Finished.Contains(r.Status))
            .Select(r => (r.Id, Deadline: disputes.Resolution(r, today)))
            .Concat(service.Store.Records(RecordType.Petition).Where(r => !r.Voided && r.Status is "received" or "accepted")
                .Select(r => (r.Id, Deadline: r.Status == "received" ? petitions.Acceptance(r, today) : petitions.Completion(r, today) ?? petitions.Acceptance(r, today))))
            .OrderBy(x => x.Deadline.Due)
            .Take(8)
            .ToList();
        foreach (var (id, deadline) in open)
        {
            var left = deadline.DaysLeft(today);
            o.WriteLine($"  {id}  due {deadline.Due:yyyy-MM-dd}  {(left < 0 ? $"{-left} days late" : $"{left} days left")}");
        }
    }

    /// <summary>How to run this binary again: its bare name when it is on PATH, else its full path (e.g. after `dotnet run`).</summary>
    private static string Invocation(CliContext ctx)
    {
        var path = Environment.ProcessPath;
        if (path is null || Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return "dotnet run -c Release --project src/EdgeStation.Station --";
        }
        var dir = Path.GetDirectoryName(path);
        var onPath = (ctx.Environment("PATH") ?? "").Split(':').Any(p => p.Length > 0 && Path.GetFullPath(p) == dir);
        return onPath ? Path.GetFileName(path) : path;
    }

    private static string DefaultDemoDir(CliContext ctx)
    {
        var dataHome = ctx.Environment("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            var home = ctx.Environment("HOME");
            dataHome = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".local", "share");
        }
        return Path.Combine(dataHome, "edgestation-demo");
    }
}
