using System.CommandLine;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Records;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation demo`: a seeded demo station on simulated hardware, with no setup. It keeps its own data dir
/// (never the real /var/lib/edgestation) and fills it with last year and this year to date on first use, prints a
/// summary, then serves the kiosk and API on 127.0.0.1 (what `edgestation run` serves) with a login whose password
/// is new at every start (<see cref="DemoLogin"/>). `--no-serve` stops after the summary.
/// </summary>
public static class DemoCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var village = new Option<string>("--village") { Description = "the demo village's name", DefaultValueFactory = _ => "示范村", HelpName = "NAME" };
        var port = new Option<int>("--port") { Description = $"port on 127.0.0.1 to serve on (0: any free port)", DefaultValueFactory = _ => DefaultPort, HelpName = "N" };
        var noServe = new Option<bool>("--no-serve") { Description = "seed (first use) and print the summary, then exit instead of serving" };
        var cmd = new Command("demo", "start a demo station on built-in data and serve its kiosk on 127.0.0.1: no hardware, no network, no setup") { village, port, noServe };
        cmd.SetAction(p =>
        {
            var serve = !p.GetValue(noServe);
            var portNumber = p.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                throw new UsageException($"--port must be 0 (any free port) to 65535 (got {portNumber})");
            }
            var now = ctx.Time.GetUtcNow();
            ClockGuard.EnsurePlausible(now);
            if (serve)
            {
                PortProbe.EnsureFree(portNumber); // before a first use creates the demo station
            }
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
            if (!serve)
            {
                o.WriteLine("Try:");
                o.WriteLine($"  {self} --data-dir {dataDir} indicators");
                o.WriteLine($"  {self} --data-dir {dataDir} records list --type petition");
                o.WriteLine($"  {self} --data-dir {dataDir} records add dispute --category neighbours --parties 2 --risk yellow --summary \"…\"");
                o.WriteLine($"  {self} --data-dir {dataDir} demo          # serve the kiosk on http://127.0.0.1:{DefaultPort}/");
                return ExitCodes.Ok;
            }
            return Serve(session, dataDir, portNumber, self, g.ResolveActor(p, ctx), ctx);
        });
        return cmd;
    }

    public const int DefaultPort = 8080;

    /// <summary>The actor of the first ledger entry of a station that <see cref="DemoLoader"/> seeded.</summary>
    private const string DemoStationActor = "demo";

    private static int Serve(StationSession session, string dataDir, int port, string self, string actor, CliContext ctx)
    {
        // The demo prints an admin's password: never do that on a station the demo did not create (a real one).
        var creator = session.Store.History("station").Select(h => h.Event.Actor).FirstOrDefault();
        if (creator != DemoStationActor)
        {
            throw new UsageException($"{dataDir} holds a station that 'demo' did not create; demo serves only its own stations " +
                "(it adds an admin account with a printed password). Serve a real station with 'edgestation run'.");
        }
        // The doors of the reference wiring (hardware/station.example.json) on the simulated chip, with the demo's people.
        var config = session.Service.Config;
        config = config with { Access = config.Access.Doors.Count == 0 ? Doors.DemoDoors.Settings() : Doors.DemoDoors.Simulated(config.Access) };
        // One camera from the shipped clip, unless the demo's station.json names cameras of its own.
        config = config with { Cameras = config.Cameras.Cameras.Count == 0 ? Cameras.DemoCameras.Settings(config.Cameras) : config.Cameras };
        Doors.AccessService? doors = null;
        return ServiceRunner.Serve(session.Store, config, ctx, $"http://127.0.0.1:{port}", urls =>
        {
            // Only once the doors are built (the GPIO chip) and the port is ours: a busy port or a missing chip must
            // change nothing. The demo's people go into the ledger and into the rights the doors already decide from.
            Doors.DemoDoors.Seed(session.Store, ctx.Time.GetUtcNow(), doors!.System.Rights);
            Doors.DemoDoors.SetPins(doors);
            // Nobody knows the password before the line below.
            var password = DemoLogin.NewPassword();
            DemoLogin.Ensure(session, password, actor);
            var url = urls[0].TrimEnd('/') + "/";
            var o = ctx.Out;
            o.WriteLine($"open {url}  login: {DemoLogin.Name}  password: {password}");
            o.WriteLine("  (a new password at every start; Ctrl+C stops the demo)");
            o.WriteLine($"  record writes from the command line go through it meanwhile: {self} --data-dir {dataDir} records add case --kind criminal");
            o.WriteLine($"  doors (simulated GPIO, hardware/pinmap-rpi.md): {string.Join(", ", config.Access.Doors.Select(d => $"{d.Id} {d.Name}"))}; cards and PINs: " +
                string.Join(", ", Doors.DemoDoors.People.Select(p => $"{p.Name} {p.Card} PIN {p.Pin}")));
            o.WriteLine($"  {self} --data-dir {dataDir} door simulate swipe {Doors.DemoDoors.People[0].Card} --door 1   (then: door list, door events, door simulate alarm --door 1)");
            if (config.Access.Osdp?.Readers is [var osdp, ..])
            {
                o.WriteLine($"  the OSDP reader (on a simulated RS-485 bus): {self} --data-dir {dataDir} door simulate swipe {Doors.DemoDoors.People[0].Card} --door {osdp.DoorId} --reader {(osdp.Direction == Access.Decisions.ReaderDirection.In ? "in" : "out")}");
            }
            o.WriteLine($"  camera {string.Join(", ", config.Cameras.Cameras.Select(c => c.Name))} (the shipped pedestrian clip in a loop): {self} --data-dir {dataDir} camera status, camera alerts; kiosk {url}cameras");
            o.Flush();
        }, built => doors = built);
    }

    /// <summary>The eight most urgent open deadlines (one per record), by the rule the indicators count by.</summary>
    private static void WriteOverdue(TextWriter o, RecordService service, DateOnly today)
    {
        var deadlines = service.Calculator.Deadlines;
        var open = service.Store.Records(RecordType.Dispute).Concat(service.Store.Records(RecordType.Petition))
            .SelectMany(r => deadlines.Open(r, today).Take(1).Select(d => (r.Id, d)))
            .OrderBy(x => x.d.Status.Due)
            .Take(8)
            .ToList();
        foreach (var (id, d) in open)
        {
            var left = d.Status.DaysLeft(today);
            o.WriteLine($"  {id}  {d.Name} due {d.Status.Due:yyyy-MM-dd}  {(left < 0 ? $"{-left} days late" : $"{left} days left")}");
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
