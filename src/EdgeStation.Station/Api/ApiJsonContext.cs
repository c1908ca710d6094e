using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace EdgeStation.Station.Api;

/// <summary>Source-generated JSON for the API (Native AOT). Unknown members are refused, not ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRecordRequest))]
[JsonSerializable(typeof(TransitionRequest))]
[JsonSerializable(typeof(AmendRequest))]
[JsonSerializable(typeof(VoidRequest))]
[JsonSerializable(typeof(CliReadRequest))]
[JsonSerializable(typeof(Doors.DoorSimulateRequest))]
[JsonSerializable(typeof(Doors.PersonAddRequest))]
[JsonSerializable(typeof(Doors.CardAddRequest))]
[JsonSerializable(typeof(Doors.PinSetRequest))]
[JsonSerializable(typeof(Doors.ScheduleAddRequest))]
[JsonSerializable(typeof(Doors.LevelAddRequest))]
[JsonSerializable(typeof(Doors.DoorUnlockRequest))]
[JsonSerializable(typeof(Doors.DoorModeRequest))]
[JsonSerializable(typeof(LedgerHeadResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(List<UserResponse>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
