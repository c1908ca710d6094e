using System.Text.Json.Serialization;

namespace EdgeStation.Station.Cameras;

/// <summary>Source-generated JSON of the cameras' API (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CamerasAnswer))]
[JsonSerializable(typeof(CameraAlertsAnswer))]
[JsonSerializable(typeof(CameraAckAnswer))]
internal sealed partial class CameraJson : JsonSerializerContext;
