using EdgeStation.Domain.Calendar;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>The rules `camera analyze` was given: lines (still text, scaled once the source's size is known), zones in source pixels, when the file starts.</summary>
internal sealed record AnalyzeRules(IReadOnlyList<string> Lines, IReadOnlyList<CameraZone> Zones, DateTimeOffset Start, StationTime StationTime);
