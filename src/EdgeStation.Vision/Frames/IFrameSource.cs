namespace EdgeStation.Vision.Frames;

/// <summary>
/// Anything that yields raw frames: a supervised ffmpeg decoder for cameras and files, or frames
/// made in memory by a test. The pipeline never learns which one it has.
/// </summary>
public interface IFrameSource
{
    /// <summary>Frames in order until the source ends (a file) or <paramref name="cancellationToken"/> fires (a camera).</summary>
    IAsyncEnumerable<Frame> ReadFramesAsync(CancellationToken cancellationToken);
}
