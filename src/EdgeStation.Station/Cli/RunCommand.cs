using System.CommandLine;

namespace EdgeStation.Station.Cli;

/// <summary>`edgestation run`: the station service (systemd Type=notify). Owns the database while it runs.</summary>
public static class RunCommand
{
    public const string DefaultConfig = "/etc/edgestation/station.json";

    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var urls = new Option<string?>("--urls") { Description = "override where to listen, e.g. http://127.0.0.1:8080", HelpName = "URLS" };
        var cmd = new Command("run", $"run the station service: JSON API and health on 127.0.0.1:8080 by default (config: --config, else {DefaultConfig} when present)") { urls };
        cmd.SetAction(p =>
        {
            ListenUrls.Check(p.GetValue(urls));
            var configPath = p.GetValue(g.Config) ?? ctx.Environment("EDGESTATION_CONFIG") ?? (File.Exists(DefaultConfig) ? DefaultConfig : null);
            var dataDir = g.ResolveDataDir(p, ctx);
            var config = Config.StationConfigLoader.Load(configPath, dataDir, ctx.Environment);
            GlobalOptions.SecureDataDir(dataDir, ctx);
            using var store = Storage.Ledger.LedgerStore.Open(dataDir, loadSummaries: true);
            return ServiceRunner.Serve(store, config, ctx, p.GetValue(urls), bound =>
            {
                ctx.Error.WriteLine($"edgestation {ThisAssembly.AssemblyInformationalVersion}: serving {string.Join(", ", bound)} from {dataDir} (ledger head {store.Head})");
                if (new Storage.Accounts.UserStore(store).Count() == 0)
                {
                    ctx.Error.WriteLine("no accounts yet: every API call answers 401 until an admin exists. Stop the service and run: edgestation users add --role admin NAME");
                }
            });
        });
        return cmd;
    }
}
