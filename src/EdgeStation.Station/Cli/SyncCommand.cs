using System.CommandLine;
using EdgeStation.Station.Output;
using EdgeStation.Station.Sync;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation sync status [--json]` and `sync now`: the link to the township center, for an engineer on site. While the
/// service runs, both are run by the service on its own outbox (<see cref="ServiceRead"/>); otherwise they open it here.
/// </summary>
public static class SyncCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var sync = new Command("sync", "the link to the township center: what waits in the outbox, and a push on demand");
        var status = new Command("status", "outbox depth and bytes, oldest pending, last ack, last push and its error in words");
        status.SetAction(p =>
        {
            var dataDir = DataDir(g, p, ctx);
            var agent = SyncAgents.For(dataDir);
            SyncStatusView view;
            if (agent is not null)
            {
                view = View(dataDir, agent.Outbox.Status(), agent.LastPush, agent.LastSuccessAt, "from the running service");
            }
            else if (!File.Exists(Path.Combine(dataDir, OutboxStore.FileName)))
            {
                var last = SyncStateFile.Read(dataDir, out var ok);
                view = View(dataDir, OutboxStatus.Empty(OutboxStore.DefaultCapacityBytes), last, ok, "the service is not running; no outbox yet");
            }
            else
            {
                var capacity = Config.StationConfigLoader.Load(p.GetValue(g.Config), dataDir, ctx.Environment).OutboxCapacityBytes;
                using var outbox = OutboxStore.Open(dataDir, capacity, ctx.Time);
                var last = SyncStateFile.Read(dataDir, out var ok);
                view = View(dataDir, outbox.Status(), last, ok, "the service is not running; read from " + Path.Combine(dataDir, OutboxStore.FileName));
            }
            Write(view, p.GetValue(g.Json));
            return ExitCodes.Ok;
        });
        var now = new Command("now", "produce what is due and push what waits, once, and report (exit 0 pushed, 1 the push failed, 3 not provisioned)");
        now.SetAction(async (p, cancel) =>
        {
            var dataDir = DataDir(g, p, ctx);
            if (!SyncIdentity.IsProvisioned(dataDir))
            {
                throw new EdgeStation.Storage.StorageEnvironmentException("this station is not provisioned: run edgestation provision --bundle FILE with the bundle from the center");
            }
            PushReport? report;
            SyncStatusView view;
            if (SyncAgents.For(dataDir) is { } running)
            {
                report = await running.RunOnceAsync(cancel);
                view = View(dataDir, running.Outbox.Status(), running.LastPush, running.LastSuccessAt, "pushed by the running service");
            }
            else
            {
                using var session = g.OpenToRead(p, ctx);
                using var agent = new SyncAgent(session.Service, OutboxStore.Open(dataDir, session.Service.Config.OutboxCapacityBytes, ctx.Time), ctx.Time);
                report = await agent.RunOnceAsync(cancel);
                view = View(dataDir, agent.Outbox.Status(), agent.LastPush, agent.LastSuccessAt, "pushed by this command (the service is not running)");
            }
            Write(view, p.GetValue(g.Json));
            return report is { Ok: true } ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        sync.Subcommands.Add(status);
        sync.Subcommands.Add(now);
        return sync;

        void Write(SyncStatusView view, bool json)
        {
            if (json)
            {
                using var s = new RecordJson.Stream(ctx.Out);
                view.WriteJson(s.Writer);
            }
            else
            {
                view.WriteText(ctx.Out, ctx.Time.GetUtcNow());
            }
        }

        SyncStatusView View(string dataDir, OutboxStatus outbox, PushReport? last, DateTimeOffset? ok, string source)
        {
            try
            {
                var bundle = SyncIdentity.Load(dataDir, ctx.Time.GetUtcNow());
                return new SyncStatusView(bundle?.StationId, bundle?.CenterEndpoint, null, outbox, last, ok, source);
            }
            catch (StationBundleException ex)
            {
                return new SyncStatusView(SyncIdentity.InstalledStationId(dataDir), null, "the installed identity is not usable: " + ex.Message, outbox, last, ok, source);
            }
        }
    }

    // Inside the service the data dir is the service's own, whatever the command line said.
    private static string DataDir(GlobalOptions g, ParseResult p, CliContext ctx) =>
        ctx.Hosted?.Store.DataDir ?? g.ResolveDataDir(p, ctx);
}
