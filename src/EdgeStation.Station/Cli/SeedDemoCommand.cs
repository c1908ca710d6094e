using System.CommandLine;
using EdgeStation.Station.Records;

namespace EdgeStation.Station.Cli;

/// <summary>`records seed-demo`: fills an empty data dir with a realistic, deterministic year of one village.</summary>
public static class SeedDemoCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var village = new Option<string>("--village") { Description = "the village's name", DefaultValueFactory = _ => "示范村", HelpName = "NAME" };
        var year = new Option<int?>("--year") { Description = "the year to simulate (default: this year, up to today)", HelpName = "YYYY" };
        var cmd = new Command("seed-demo", "fill an EMPTY data dir with a demo year of records (for training and trying things out)") { village, year };
        cmd.SetAction(p =>
        {
            var now = ctx.Time.GetUtcNow();
            ClockGuard.EnsurePlausible(now);
            var name = p.GetValue(village)!.Trim();
            if (name.Length is 0 or > 64)
            {
                throw new UsageException("--village needs a name of 1 to 64 characters");
            }
            using var session = g.Open(p, ctx, mustExist: false);
            var service = session.Service;
            var y = p.GetValue(year) ?? service.Today().Year;
            if (y < 2000 || y > service.Today().Year)
            {
                throw new UsageException($"--year must be between 2000 and {service.Today().Year} (got {y})");
            }
            if (session.Store.Head.Seq > 0)
            {
                throw new UsageException($"{session.Store.DataDir} already holds {session.Store.Head.Seq} ledger entries; seed-demo only fills an empty data dir (use a new --data-dir)");
            }
            DemoLoader.Seed(service, name, y, now);
            var records = session.Store.RecordCount();
            ctx.Error.WriteLine($"seeded {name} {y}: {records} records, {session.Store.Head.Seq} ledger entries");
            ctx.Out.WriteLine(session.Store.Head.ToString());
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
