using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Cli;

/// <summary>`alerts list` and `alerts resolve`: continuity alerts stay open until an admin has looked and resolved them.</summary>
public static class AlertsCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var all = new Option<bool>("--all") { Description = "include resolved alerts" };
        var list = new Command("list", "list open alerts (exit 1 when any is open)") { all };
        list.SetAction(p =>
        {
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            var alerts = access.Admin.Alerts(p.GetValue(all));
            if (p.GetValue(o.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(alerts, CenterJson.Options));
            }
            else if (alerts.Count == 0)
            {
                ctx.Out.WriteLine("no open alerts");
            }
            else
            {
                foreach (var a in alerts)
                {
                    ctx.Out.WriteLine(Line(a));
                }
            }
            return alerts.Any(a => a.Open) ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });

        var id = new Argument<long>("ID") { Description = "the alert's number, as 'alerts list' shows it" };
        var by = new Option<string?>("--by") { Description = "who resolved it (default: the login name)", HelpName = "NAME" };
        var resolve = new Command("resolve", "mark an alert resolved once the station's history has been looked into") { id, by };
        resolve.SetAction(p =>
        {
            var who = p.GetValue(by)?.Trim() is { Length: > 0 } given ? given : "cli:" + (ctx.Environment("SUDO_USER") ?? ctx.Environment("USER") ?? "unknown");
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            var alert = access.Admin.Resolve(p.GetValue(id), who) ?? throw new UsageException($"no alert {p.GetValue(id)} ('alerts list --all' shows them)");
            ctx.Out.WriteLine($"resolved: {Line(alert)}");
            return ExitCodes.Ok;
        });

        var alerts = new Command("alerts", "ledger continuity alerts (gaps, forks, changed digests)");
        alerts.Subcommands.Add(list);
        alerts.Subcommands.Add(resolve);
        return alerts;
    }

    private static string Line(AlertRow a)
    {
        var state = a.Open ? "OPEN" : $"resolved {a.ResolvedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {a.ResolvedBy}";
        return $"#{a.Id} {a.RaisedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {a.StationId} seq {a.Seq} {a.Kind}: {a.Message} [{state}]";
    }
}
