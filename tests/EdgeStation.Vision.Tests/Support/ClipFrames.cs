using EdgeStation.Vision.Frames;

namespace EdgeStation.Vision.Tests.Support;

/// <summary>The shipped pedestrian clip decoded once (416×312 BGR, every frame) and shared by the tests that only read it.</summary>
public static class ClipFrames
{
    public const int Width = 416;
    public const int Height = 312;

    private static readonly Lazy<IReadOnlyList<Frame>> Frames = new(() => Decode().GetAwaiter().GetResult());

    /// <summary>Frame <paramref name="index"/> of the clip (source frame 150 + index of vtest.avi).</summary>
    public static Frame At(int index) => Frames.Value[index];

    public static IReadOnlyList<Frame> All => Frames.Value;

    private static async Task<IReadOnlyList<Frame>> Decode()
    {
        var source = new SupervisedFrameSource(new FrameSourceOptions { Input = TestMedia.PedestrianClip, Width = Width, Height = Height }, TimeProvider.System);
        var frames = new List<Frame>();
        await foreach (var frame in source.ReadFramesAsync(CancellationToken.None))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
