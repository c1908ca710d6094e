using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Detection;

/// <summary>Finds objects in a frame, or in one part of it (a motion region), in frame pixels.</summary>
public interface IObjectDetector : IDisposable
{
    IReadOnlyList<Detection> Detect(Frame frame, Box? region = null);
}
