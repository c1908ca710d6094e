using System.CommandLine;
using System.Globalization;
using EdgeStation.Domain.Calendar;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation holidays import FILE | list`: the official holiday schedule that petition deadlines are counted with.
/// The State Council publishes each year's schedule the November before; an import is a ledger entry, so it is
/// tamper-evident and says who loaded it.
/// </summary>
public static class HolidaysCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("holidays", "the official holiday schedule (放假和调休) petition deadlines are counted with");
        cmd.Subcommands.Add(BuildImport(g, ctx));
        cmd.Subcommands.Add(BuildList(g, ctx));
        return cmd;
    }

    private static Command BuildImport(GlobalOptions g, CliContext ctx)
    {
        var file = new Argument<string>("FILE") { Description = $"CSV as the built-in schedule: a '{HolidayFile.Header}' header, then YYYY-MM-DD,holiday|workday,festival lines; each year in it replaces that year whole" };
        var cmd = new Command("import", "load a year's schedule (checked line by line; nothing is stored if any line is wrong); recorded in the ledger") { file };
        cmd.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            IReadOnlyList<HolidayDay> schedule;
            try
            {
                using var reader = new StreamReader(path);
                schedule = HolidayFile.Parse(reader);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {path}: {ex.Message}");
            }
            catch (HolidayFileException ex)
            {
                throw new UsageException($"{path} was not imported:{Environment.NewLine}" + string.Join(Environment.NewLine, ex.Errors.Select(e => $"  {path}: {e}")));
            }
            using var session = g.Open(p, ctx, mustExist: false);
            var result = session.Service.ImportHolidays(schedule, g.ResolveActor(p, ctx));
            foreach (var year in HolidayImports.Years(schedule))
            {
                var days = schedule.Where(d => d.Date.Year == year).ToList();
                ctx.Out.WriteLine($"imported {year}: {days.Count(d => !d.IsWorkday)} rest days, {days.Count(d => d.IsWorkday)} make-up workdays (ledger entry #{result.Entry.Seq})");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildList(GlobalOptions g, CliContext ctx)
    {
        var year = new Option<int?>("--year") { Description = "list that year's days", HelpName = "YYYY" };
        var cmd = new Command("list", "the years the schedule covers, where each comes from, and what is missing") { year };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            var service = session.Service;
            var calendar = service.Calculator.Calendar;
            var imported = session.Store.History(HolidayImports.RecordId)
                .SelectMany(h => HolidayImports.Years(HolidayImports.Schedule(h.Event)).Select(y => (Year: y, h.Entry, h.Event)))
                .GroupBy(x => x.Year)
                .ToDictionary(x => x.Key, x => x.Last());
            var o = ctx.Out;
            foreach (var y in calendar.Years.Order())
            {
                var days = calendar.Days.Where(d => d.Date.Year == y).ToList();
                var source = imported.TryGetValue(y, out var i)
                    ? $"imported by {i.Event.Actor} on {service.Commands.Time.LocalDate(i.Event.At):yyyy-MM-dd} (ledger entry #{i.Entry.Seq})"
                    : "built in";
                o.WriteLine($"{y}  {days.Count(d => !d.IsWorkday),3} rest days  {days.Count(d => d.IsWorkday),2} make-up workdays  {source}");
            }
            if (p.GetValue(year) is { } wanted)
            {
                foreach (var d in calendar.Days.Where(d => d.Date.Year == wanted))
                {
                    o.WriteLine($"  {d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {d.Date.DayOfWeek,-9} {d.Kind,-7} {d.Festival}");
                }
            }
            if (calendar.MissingYear(service.Today()) is { } missing)
            {
                o.WriteLine(MissingWarning(missing));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>What the CLI says when a needed year is missing (the kiosk says it in Chinese).</summary>
    public static string MissingWarning(int year) =>
        $"warning: no official holiday schedule for {year} is loaded; petition deadlines in {year} assume a normal Monday–Friday week. " +
        $"Import it when the State Council publishes it: edgestation holidays import FILE";
}
