using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeStation.Domain.Indicators;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Output;

/// <summary>Source-generated JSON (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(IndicatorReport))]
[JsonSerializable(typeof(StationConfigDocument))]
internal sealed partial class StationJsonContext : JsonSerializerContext;
