using System.CommandLine;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Hosting;
using EdgeStation.Center.Storage;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Center.Cli;

/// <summary>
/// `demo`: a center with three simulated villages on this machine, no setup: a CA, three enrolled stations that
/// push over real mutual TLS (one with a rewritten ledger, one never connecting), and the dashboard.
/// </summary>
public static class DemoCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var port = new Option<int>("--port") { Description = "loopback port of the dashboard (0: any free port)", DefaultValueFactory = _ => 8090, HelpName = "N" };
        var demo = new Command("demo", "run a demo center with three simulated villages and open its dashboard (default data dir ~/.local/share/edgestation-center-demo)") { port };
        demo.SetAction(p =>
        {
            var dataDir = Path.GetFullPath(p.GetValue(o.DataDir) ?? Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "edgestation-center-demo"));
            var dashboardPort = p.GetValue(port);
            if (dashboardPort is < 0 or > 65535)
            {
                throw new UsageException("--port must be 0-65535");
            }
            var database = o.ResolveDatabase(p, ctx);
            Prepare(dataDir, database, ctx);
            var options = new CenterRunOptions([new Uri("https://127.0.0.1:0")], dashboardPort, []);
            CenterService.Serve(dataDir, database, options, ctx, addresses =>
            {
                var stations = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
                foreach (var line in DemoVillages.Push(dataDir, stations, ctx.Time.GetUtcNow()).GetAwaiter().GetResult())
                {
                    ctx.Out.WriteLine(line);
                }
                var dashboard = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));
                ctx.Out.WriteLine($"open {dashboard}/  (the township dashboard; Ctrl+C stops the demo)");
                ctx.Out.WriteLine($"try: edgestation-center --data-dir {dataDir} stations list   |   alerts list");
            });
            return ExitCodes.Ok;
        });
        return demo;
    }

    /// <summary>The CA and the three villages, made once; a second demo reuses them (and its pushes are acked as duplicates).</summary>
    private static void Prepare(string dataDir, string? database, CenterContext ctx)
    {
        if (!AuthorityFiles.Exists(dataDir))
        {
            using var store = CenterStores.Open(dataDir, database, mustExist: false, ctx.Time);
            using var authority = AuthorityFiles.Init(dataDir, "演示镇综治中心", ctx.Time.GetUtcNow());
        }
        using var access = CenterAccess.Open(dataDir, database, ctx);
        var folder = Path.Combine(dataDir, "bundles");
        AuthorityFiles.CreateOwnerOnlyFolder(folder);
        foreach (var (id, name) in DemoVillages.All)
        {
            var path = Path.Combine(folder, id + ".bundle.json");
            if (!File.Exists(path))
            {
                var result = access.Admin.Enroll(id, name, new Uri("https://localhost:7443"));
                AuthorityFiles.WriteOwnerOnly(path, System.Text.Encoding.UTF8.GetString(result.BundleJson));
            }
        }
    }

    internal static StationBundle Bundle(string dataDir, string id, DateTimeOffset now) =>
        StationBundle.Read(Path.Combine(dataDir, "bundles", id + ".bundle.json"), id, now);
}
