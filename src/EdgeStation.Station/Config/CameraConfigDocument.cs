namespace EdgeStation.Station.Config;

/// <summary>One entry of station.json's "cameras" list (written by `camera add`, editable by hand; docs/vision.md).</summary>
public sealed class CameraConfigDocument
{
    /// <summary>What officials call it, e.g. 村口 (village entrance); unique.</summary>
    public string? Name { get; set; }

    /// <summary>An rtsp(s):// or http(s):// address, or a /dev/video* device; exactly one of <see cref="Url"/> and <see cref="File"/>.</summary>
    public string? Url { get; set; }

    /// <summary>A recorded file played as if it were a camera, in a loop at its own pace (the demo, trials).</summary>
    public string? File { get; set; }

    /// <summary>Frames analysed per second (default 5).</summary>
    public double? Fps { get; set; }

    public List<CameraLineDocument>? Lines { get; set; }

    public List<CameraZoneDocument>? Zones { get; set; }
}
