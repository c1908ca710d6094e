using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// The demo's camera (演示摄像头): the ten-second pedestrian clip shipped with the binary (samples/, cut from OpenCV's
/// vtest.avi, license beside it), played in a loop at its own pace as if it were a camera at the square, with a zone on
/// the road (loitering after 5 s) and a counting line across it. Coordinates in the clip's pixels (768×576).
/// </summary>
public static class DemoCameras
{
    public const string Name = "广场";

    public static string Clip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    public static CameraSettings Settings(CameraSettings configured) => configured with
    {
        Cameras =
        [
            new CameraDefinition(
                Name,
                Clip,
                IsFile: true,
                Fps: 5,
                [new CountingLine("路口", 560, 480, 560, 100)],
                [new CameraZone("路面", new Polygon([(450, 200), (768, 200), (768, 480), (450, 480)])) { Dwell = TimeSpan.FromSeconds(5) }]),
        ],
    };
}
