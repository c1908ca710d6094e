using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation schedule add | list | remove`: weekly time schedules (时间段) with the holiday calendar, through the running
/// service (each change an <c>access</c> ledger entry naming the actor). A night across midnight is two windows on two
/// days ("mon 22:00-24:00; tue-fri 00:00-06:00,22:00-24:00; sat 00:00-06:00"), so that each day's holiday rule decides its own part.
/// </summary>
public static class ScheduleCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var schedule = new Command("schedule", "weekly time schedules of the doors, with holidays: add, list, remove (each change a ledger entry)");
        schedule.Aliases.Add("schedules"); // issue 17's spelling
        schedule.Subcommands.Add(Add(g, ctx));
        schedule.Subcommands.Add(List(g, ctx));
        schedule.Subcommands.Add(Remove(g, ctx));
        return schedule;
    }

    private static Command Add(GlobalOptions g, CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "what the schedule is, e.g. 办公时间 (1–64 characters)", Required = true, HelpName = "NAME" };
        var week = new Option<string>("--week")
        {
            Description = "clauses 'DAYS WINDOWS' split by ';', e.g. 'mon-fri 08:00-18:00; sat 09:00-12:00; holiday closed'; days not named are closed; " +
                "'makeup tue' runs make-up workdays like Tuesday, 'holidays ignore' ignores the calendar",
            Required = true,
            HelpName = "WEEK",
        };
        var id = new Option<int?>("--id") { Description = "the schedule's number (1–1023); default the first free one", HelpName = "N" };
        var replace = new Option<bool>("--replace") { Description = "give an existing schedule of that number these times" };
        var cmd = new Command("add", "add a schedule; prints its number") { name, week, id, replace };
        cmd.SetAction(p =>
        {
            var body = new Dictionary<string, string> { ["name"] = p.GetValue(name)!, ["week"] = p.GetValue(week)!, ["replace"] = p.GetValue(replace) ? "true" : "false" };
            if (p.GetValue(id) is { } n)
            {
                body["id"] = n.ToString(CultureInfo.InvariantCulture);
            }
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, "/api/access/schedules", body);
            using var doc = JsonDocument.Parse(answer);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : doc.RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "every schedule with its weekly windows (0 'always' is built in)");
        cmd.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Get, "/api/access/schedules", null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            foreach (var s in doc.RootElement.GetProperty("schedules").EnumerateArray())
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.GetProperty("id").GetInt32()}  {s.GetProperty("name").GetString()}  {s.GetProperty("week").GetString()}"));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<int>("N") { Description = "the schedule's number" };
        var cmd = new Command("remove", "remove a schedule no level uses (change those levels first)") { id };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(id).ToString(CultureInfo.InvariantCulture);
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, $"/api/access/schedules/{n}/remove", new Dictionary<string, string>());
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"schedule {n} removed");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
