using System.Text.Json;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Config;

/// <summary>
/// Reads station.json: --config FILE, else $EDGESTATION_CONFIG, else &lt;data-dir&gt;/station.json when present,
/// else the documented defaults. A malformed file is a usage error that names the key.
/// </summary>
public static class StationConfigLoader
{
    public static StationConfig Load(string? explicitPath, string dataDir, Func<string, string?> env)
    {
        var path = explicitPath ?? env("EDGESTATION_CONFIG");
        if (path is null)
        {
            var inDataDir = Path.Combine(dataDir, "station.json");
            if (!File.Exists(inDataDir))
            {
                return new StationConfig(new StationSettings(), "", null);
            }
            path = inDataDir;
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"config file {path} does not exist");
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"config file {path} cannot be read: {ex.Message}");
        }
        return Parse(json, path);
    }

    public static StationConfig Parse(string json, string path)
    {
        StationConfigDocument doc;
        try
        {
            doc = JsonSerializer.Deserialize(json, StationJsonContext.Default.StationConfigDocument)
                ?? throw new UsageException($"config file {path} is empty (null)");
        }
        catch (JsonException ex)
        {
            var key = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at key {ex.Path}";
            var why = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "unknown key (check the spelling against docs/operations.md)"
                : FirstSentence(ex.Message);
            throw new UsageException($"config file {path} is malformed{key}: {why}");
        }
        var defaults = new StationSettings();
        var d = doc.DisputeDeadlines;
        var w = doc.SafetyIndex;
        var settings = defaults with
        {
            TimeZone = doc.TimeZone ?? defaults.TimeZone,
            DefaultGrid = doc.DefaultGrid ?? defaults.DefaultGrid,
            DisputeCategories = doc.DisputeCategories ?? defaults.DisputeCategories,
            GridEventCategories = doc.GridEventCategories ?? defaults.GridEventCategories,
            EscalationAbove = doc.EscalationAbove ?? defaults.EscalationAbove,
            DisputeDeadlines = d is null ? defaults.DisputeDeadlines : new DisputeDeadlineSettings
            {
                AssessmentDays = Positive(d.AssessmentDays, defaults.DisputeDeadlines.AssessmentDays, "disputeDeadlines.assessmentDays", path),
                RedDays = Positive(d.RedDays, defaults.DisputeDeadlines.RedDays, "disputeDeadlines.redDays", path),
                YellowDays = Positive(d.YellowDays, defaults.DisputeDeadlines.YellowDays, "disputeDeadlines.yellowDays", path),
                GreenDays = Positive(d.GreenDays, defaults.DisputeDeadlines.GreenDays, "disputeDeadlines.greenDays", path),
                FollowUpDays = Positive(d.FollowUpDays, defaults.DisputeDeadlines.FollowUpDays, "disputeDeadlines.followUpDays", path),
            },
            SafetyIndex = w is null ? defaults.SafetyIndex : new SafetyIndexWeights
            {
                NoCases = Weight(w.NoCases, defaults.SafetyIndex.NoCases, "safetyIndex.noCases", path),
                NoEscalatedPetitions = Weight(w.NoEscalatedPetitions, defaults.SafetyIndex.NoEscalatedPetitions, "safetyIndex.noEscalatedPetitions", path),
                NoLawsuits = Weight(w.NoLawsuits, defaults.SafetyIndex.NoLawsuits, "safetyIndex.noLawsuits", path),
                NoCults = Weight(w.NoCults, defaults.SafetyIndex.NoCults, "safetyIndex.noCults", path),
                DisputeResolution = Weight(w.DisputeResolution, defaults.SafetyIndex.DisputeResolution, "safetyIndex.disputeResolution", path),
                PetitionOnTime = Weight(w.PetitionOnTime, defaults.SafetyIndex.PetitionOnTime, "safetyIndex.petitionOnTime", path),
                GridEventClosure = Weight(w.GridEventClosure, defaults.SafetyIndex.GridEventClosure, "safetyIndex.gridEventClosure", path),
                IncidentPenalty = Weight(w.IncidentPenalty, defaults.SafetyIndex.IncidentPenalty, "safetyIndex.incidentPenalty", path),
            },
        };
        if (!PetitionLevel.All.Contains(settings.EscalationAbove))
        {
            throw new UsageException($"config file {path}: escalationAbove must be one of {string.Join(", ", PetitionLevel.All)} (got '{settings.EscalationAbove}')");
        }
        if (settings.DisputeCategories.Count == 0 || settings.GridEventCategories.Count == 0)
        {
            throw new UsageException($"config file {path}: disputeCategories and gridEventCategories need at least one entry");
        }
        if (settings.SafetyIndex.Total <= 0)
        {
            throw new UsageException($"config file {path}: the safetyIndex weights add up to zero");
        }
        try
        {
            _ = new StationTime(settings.TimeZone);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"config file {path}: timeZone: {ex.Message}");
        }
        var http = new HttpSettings();
        if (doc.Http is { } h)
        {
            http = new HttpSettings
            {
                Bind = h.Bind ?? http.Bind,
                Port = h.Port is { } port ? (port is > 0 and < 65536 ? port : throw new UsageException($"config file {path}: http.port must be 1–65535 (got {port})")) : http.Port,
                Certificate = h.Certificate,
                CertificateKey = h.CertificateKey,
            };
            if (!System.Net.IPAddress.TryParse(http.Bind, out _))
            {
                throw new UsageException($"config file {path}: http.bind must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{http.Bind}')");
            }
        }
        var sessions = new SessionSettings();
        if (doc.Sessions is { } sd)
        {
            sessions = new SessionSettings
            {
                IdleTimeout = sd.IdleMinutes is { } idle
                    ? (idle is >= 1 and <= 1440 ? TimeSpan.FromMinutes(idle) : throw new UsageException($"config file {path}: sessions.idleMinutes must be 1–1440 (got {idle})"))
                    : sessions.IdleTimeout,
                AbsoluteTimeout = sd.AbsoluteHours is { } hours
                    ? (hours is >= 1 and <= 168 ? TimeSpan.FromHours(hours) : throw new UsageException($"config file {path}: sessions.absoluteHours must be 1–168 (got {hours})"))
                    : sessions.AbsoluteTimeout,
            };
            if (sessions.IdleTimeout > sessions.AbsoluteTimeout)
            {
                throw new UsageException($"config file {path}: sessions.idleMinutes is longer than sessions.absoluteHours");
            }
        }
        var grids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (grid, name) in doc.Grids ?? [])
        {
            grids[grid] = Domain.Accounts.GridNames.CheckDisplayName(grid, name ?? "") is { } problem
                ? throw new UsageException($"config file {path}: grids: {problem}")
                : name!.Trim();
        }
        var outbox = doc.Sync?.OutboxMegabytes is { } mb
            ? (mb is >= 1 and <= 4096 ? mb * 1024L * 1024 : throw new UsageException($"config file {path}: sync.outboxMegabytes must be 1–4096 (got {mb})"))
            : Storage.Outbox.OutboxStore.DefaultCapacityBytes;
        return new StationConfig(settings, doc.Village ?? "", path) { Http = http, Sessions = sessions, GridNames = grids, OutboxCapacityBytes = outbox, Access = AccessConfigParser.Parse(doc.Access, path), Cameras = CameraConfigParser.Parse(doc.Cameras, doc.CameraAlerts, path) };
    }

    private static int Positive(int? value, int fallback, string key, string path) =>
        value is null ? fallback : value > 0 ? value.Value : throw new UsageException($"config file {path}: {key} must be a positive number of days (got {value})");

    private static double Weight(double? value, double fallback, string key, string path) =>
        value is null ? fallback : value >= 0 ? value.Value : throw new UsageException($"config file {path}: {key} must not be negative (got {value})");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
