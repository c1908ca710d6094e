using System.Text.Json.Serialization;

namespace EdgeStation.Sync.Bundle;

/// <summary>Source-generated JSON for the bundle: the station reads it under Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StationBundleDocument))]
internal sealed partial class StationBundleJsonContext : JsonSerializerContext;
