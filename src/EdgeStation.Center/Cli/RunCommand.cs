using System.CommandLine;
using EdgeStation.Center.Hosting;

namespace EdgeStation.Center.Cli;

/// <summary>`run`: the center service. It holds center.db; the command line reaches it through the loopback admin port.</summary>
public static class RunCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"where stations connect, https only (default {CenterRunOptions.DefaultUrl}); several allowed",
            HelpName = "https://IP:PORT",
            AllowMultipleArgumentsPerToken = true,
        };
        var adminPort = new Option<int>("--admin-port")
        {
            Description = $"loopback port of the local admin endpoint the command line uses while the center runs (default {CenterRunOptions.DefaultAdminPort}; 0: any free port)",
            DefaultValueFactory = _ => CenterRunOptions.DefaultAdminPort,
            HelpName = "PORT",
        };
        var serverNames = new Option<string[]>("--server-name")
        {
            Description = "another host name or address stations use to reach this center (for the server certificate)",
            HelpName = "NAME",
        };
        var run = new Command("run", "serve stations (gRPC over mutual TLS), /healthz and /metrics") { urls, adminPort, serverNames };
        run.SetAction(p =>
        {
            var listen = ParseUrls(p.GetValue(urls) is { Length: > 0 } given ? given : [CenterRunOptions.DefaultUrl]);
            var port = p.GetValue(adminPort);
            if (port is < 0 or > 65535)
            {
                throw new UsageException("--admin-port must be 0-65535");
            }
            CenterService.Serve(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), new CenterRunOptions(listen, port, p.GetValue(serverNames) ?? []), ctx, null);
            return ExitCodes.Ok;
        });
        return run;
    }

    internal static List<Uri> ParseUrls(string[] given)
    {
        var list = new List<Uri>();
        foreach (var text in given.SelectMany(g => g.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.IsDefaultPort && !text.Contains(":443", StringComparison.Ordinal))
            {
                throw new UsageException($"--urls '{text}' must look like https://IP:PORT (stations connect only over TLS)");
            }
            list.Add(url);
        }
        return list;
    }
}
