using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Center.Admin;

namespace EdgeStation.Center.Cli;

/// <summary>`stations list`: every enrolled village with last contact, streaks, safety index and ledger continuity.</summary>
public static class StationsCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var staleHours = new Option<int>("--stale-hours")
        {
            Description = "a station silent for longer is marked stale",
            DefaultValueFactory = _ => (int)CenterAdmin.DefaultStaleAfter.TotalHours,
            HelpName = "N",
        };
        var list = new Command("list", "list enrolled stations") { staleHours };
        list.SetAction(p =>
        {
            var hours = p.GetValue(staleHours);
            if (hours < 1)
            {
                throw new UsageException("--stale-hours must be at least 1");
            }
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            var stations = access.Admin.Stations(TimeSpan.FromHours(hours));
            if (p.GetValue(o.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(stations, CenterJson.Options));
                return ExitCodes.Ok;
            }
            if (stations.Count == 0)
            {
                ctx.Out.WriteLine("no stations enrolled ('edgestation-center enroll --station ID --name NAME')");
                return ExitCodes.Ok;
            }
            ctx.Out.WriteLine("ID                    NAME          LAST CONTACT (UTC)   STREAKS c/p/l/x     INDEX   CONTINUITY");
            foreach (var s in stations)
            {
                ctx.Out.WriteLine(Line(s));
            }
            return ExitCodes.Ok;
        });
        var stations = new Command("stations", "the villages enrolled at this center");
        stations.Subcommands.Add(list);
        return stations;
    }

    private static string Line(StationView s)
    {
        var contact = s.LastContact is { } c ? c.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "never";
        var state = s.Revoked ? " (revoked)" : s.Stale ? " (stale)" : "";
        var streaks = s.Streaks is { } st ? $"{st.NoCases}/{st.NoEscalatedPetitions}/{st.NoLawsuits}/{st.NoCults}" : "-";
        var index = s.SafetyIndex is { } i ? i.ToString("0.0", CultureInfo.InvariantCulture) : "-";
        var continuity = s.OpenAlerts > 0 ? $"alert ({s.OpenAlerts} open)" : s.Continuity;
        return $"{s.Id,-21} {s.Name,-13} {contact + state,-20} {streaks,-19} {index,-7} {continuity}";
    }
}
