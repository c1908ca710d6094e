using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// One configured camera: its name, where its pictures come from (an address, or a file played in a loop), how many
/// frames a second are analysed, and its lines and zones in the camera's own pixels (scaled once its size is known).
/// </summary>
public sealed record CameraDefinition(string Name, string Input, bool IsFile, double Fps, IReadOnlyList<CountingLine> Lines, IReadOnlyList<CameraZone> Zones)
{
    /// <summary>The address as it may be shown: a password in it is replaced by ***.</summary>
    public string Shown => CameraAddress.Redact(Input);
}
