using System.Diagnostics;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Station.Config;
using EdgeStation.Station.Kiosk;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeStation.Station.Service;

/// <summary>
/// The station service: Kestrel (slim builder, Native AOT) serving the JSON API (and, next, the kiosk UI)
/// from the process that owns the database. Composition root of `edgestation run`. Every endpoint but the
/// health checks and /login needs a logged-in user (<see cref="AccessMiddleware"/>); accounts are made with
/// `edgestation users add` while the service is stopped. There is no default account and no default password.
/// </summary>
public static class StationHost
{
    /// <param name="configureAccess">Called once the doors are built, before anything listens (the demo sets its people's PINs).</param>
    public static WebApplication Build(LedgerStore store, StationConfig config, TimeProvider time, string? urls = null, Action<Doors.AccessService>? configureAccess = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Host.UseSystemd();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Information and up: the per-attempt lines of a login flood (debug) would otherwise fill the journal.
        // EDGESTATION_LOG_LEVEL=Debug brings them back while looking into a problem.
        builder.Logging.SetMinimumLevel(Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("EDGESTATION_LOG_LEVEL"), ignoreCase: true, out var level) ? level : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // no line per kiosk request
        // A failed start (a busy port) reaches the caller as an exception that `run` turns into one line and exit 3;
        // the host's own "Hosting failed to start" would print kilobytes of stack trace before it. Later host errors
        // (a background service failing) are still logged.
        var started = false;
        builder.Logging.AddFilter((category, level) => Volatile.Read(ref started) || level < LogLevel.Error || category != "Microsoft.Extensions.Hosting.Internal.Host");
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
        });
        builder.WebHost.UseUrls(urls ?? Url(config.Http));
        if (config.Http.Certificate is { } cert)
        {
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h =>
                h.ServerCertificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(cert, config.Http.CertificateKey)));
        }
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(time);
        var records = new RecordService(store, config, time);
        builder.Services.AddSingleton(records);
        builder.Services.AddSingleton(new Kiosk.ProblemText(Kiosk.UiText.Load(), records.Commands.Schemas));
        builder.Services.AddSingleton<StationMetrics>();
        // The doors: built now, so a missing GPIO chip stops the start (exit 3) before anything listens.
        var access = Doors.AccessService.Create(store, records, config.Access, time);
        var built = false;
        try
        {
            configureAccess?.Invoke(access);
            // A factory, so the host's container owns it and disposes it last (after every stop, however many);
            // resolved at once below so that a host disposed without a start releases the doors too.
            builder.Services.AddSingleton(_ => access);
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Doors.AccessService>());
            var cliToken = LocalCliToken.Create();
            var users = new UserStore(store);
            var sessions = new SessionStore(time, config.Sessions);
            builder.Services.AddSingleton(users);
            builder.Services.AddSingleton(sessions);
            builder.Services.AddLoginRateLimits(time);
            builder.Services.AddSingleton(sp => new LoginService(users, time, new LockoutPolicy(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeStation.Accounts")));
            // UseSystemd registers the notifier only under systemd; the watchdog asks for it everywhere.
            builder.Services.TryAddSingleton<Microsoft.Extensions.Hosting.Systemd.ISystemdNotifier, Microsoft.Extensions.Hosting.Systemd.SystemdNotifier>();
            builder.Services.AddHostedService<SystemdWatchdog>();
            // The cameras: each on its own task, supervised; none of their failures stops the station (docs/vision.md).
            builder.Services.AddSingleton(sp => new Cameras.CameraService(config.Cameras, store.DataDir, records, time, sp.GetRequiredService<ILoggerFactory>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Cameras.CameraService>());
            builder.Services.AddHostedService<Sync.SyncService>(); // the outbox and pusher to the township center (docs/operations.md)

            var app = builder.Build();
            app.Services.GetRequiredService<Doors.AccessService>();
            app.Lifetime.ApplicationStarted.Register(() => Volatile.Write(ref started, true));
            var metrics = app.Services.GetRequiredService<StationMetrics>();
            app.Use(async (http, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                await next(http);
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                metrics.Observe(route, http.Request.Method, http.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            });
            // A failure no endpoint expected is still a problem detail (Kestrel alone would answer an empty 500), logged once.
            var failures = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeStation.Service");
            app.Use(async (http, next) =>
            {
                try
                {
                    await next(http);
                }
                catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
                {
                    failures.LogError(ex, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
                    await ApiProblem.Internal(http).ExecuteAsync(http);
                }
            });
            app.UseRouting();
            app.Use(next => new AccessMiddleware(next, sessions, cliToken, config.Http.Bind).InvokeAsync);
            app.UseRateLimiter(); // POST /login per client address (LoginRateLimits)
            PublishForCli(app, store.DataDir, cliToken, config.Http);
            // Not ready while the ledger takes no writes (a full disk): reads go on, /healthz/live stays 200.
            app.MapGet("/healthz", (LedgerStore s) => s.Fault is { } fault
                    ? TypedResults.Json(new HealthResponse($"not ready: {fault.Reason}", s.Head.Seq, metrics.UptimeSeconds), ApiJsonContext.Default.HealthResponse, statusCode: StatusCodes.Status503ServiceUnavailable)
                    : TypedResults.Json(new HealthResponse("ready", s.Head.Seq, metrics.UptimeSeconds), ApiJsonContext.Default.HealthResponse))
                .WithMetadata(AccessRule.Public);
            app.MapGet("/healthz/live", () => TypedResults.Text("live")).WithMetadata(AccessRule.Public);
            // Counts and latencies only, nothing personal; still not for everyone: engineers and admins.
            app.MapGet("/metrics", (LedgerStore s) => TypedResults.Text(metrics.Render(s, sessions.Count) + Sync.SyncStatusView.Metrics(s.DataDir) + Doors.DoorMetrics.Render(access), "text/plain; version=0.0.4; charset=utf-8"))
                .WithMetadata(AccessRule.Requires("read metrics", Permission.ReadMetrics));
            app.MapAccountEndpoints();
            app.MapRecordEndpoints();
            app.MapCliReadEndpoints();
            Doors.DoorEndpoints.MapDoors(app);
            Doors.AccessRightsEndpoints.MapAccessRights(app);
            Cameras.CameraEndpoints.MapCameras(app);
            app.MapKiosk();
            app.MapCameraPages(UiText.Load());
            var notFound = new NotFoundAnswer(UiText.Load());
            app.MapFallback(IResult (HttpContext http) => notFound.Answer(http, "no such page or endpoint"))
                .WithMetadata(AccessRule.SignedIn);
            built = true;
            return app;
        }
        finally
        {
            if (!built)
            {
                access.Dispose(); // no host took it: relays de-energised, the chip released
            }
        }
    }

    /// <summary>
    /// Once Kestrel listens: &lt;data-dir&gt;/run/ with the address and the local token, so that CLI record writes go
    /// through this process instead of failing on the held database; removed when a graceful stop begins.
    /// </summary>
    private static void PublishForCli(WebApplication app, string dataDir, LocalCliToken token, HttpSettings http)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EdgeStation.Service");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            try
            {
                var pin = http.Certificate is { } cert
                    ? System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(cert, http.CertificateKey).GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)
                    : null;
                ServiceRunFiles.Publish(dataDir, app.Urls, token, pin);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("cannot write {Dir}: command-line record writes will not reach this service ({Message})", ServiceRunFiles.Dir(dataDir), ex.Message);
            }
        });
        app.Lifetime.ApplicationStopping.Register(() => ServiceRunFiles.Withdraw(dataDir, token));
    }

    public static string Url(HttpSettings http)
    {
        var scheme = http.Certificate is null ? "http" : "https";
        var host = http.Bind.Contains(':', StringComparison.Ordinal) ? $"[{http.Bind}]" : http.Bind;
        return $"{scheme}://{host}:{http.Port}";
    }
}
