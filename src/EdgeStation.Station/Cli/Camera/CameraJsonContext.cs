using System.Text.Json.Serialization;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>Source-generated JSON for camera output: one compact object per line (JSON lines), no reflection under AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeFrameLine))]
[JsonSerializable(typeof(AnalyzeEventLine))]
[JsonSerializable(typeof(AnalyzeZoneEventLine))]
[JsonSerializable(typeof(AnalyzeTamperEventLine))]
[JsonSerializable(typeof(CameraListAnswer))]
[JsonSerializable(typeof(CameraProbeAnswer))]
[JsonSerializable(typeof(CameraZonesAnswer))]
internal sealed partial class CameraJsonContext : JsonSerializerContext;
