using BenchmarkDotNet.Attributes;
using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Motion;
using EdgeStation.Vision.Pipeline;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Camera analytics speed (issue 18) on the whole of vtest.avi (795 frames, 79.5 s at 10 fps) decoded at
/// 416×312: the full pipeline at 10 and 5 fps beside ffmpeg decoding alone at the same rate (its floor),
/// and per-frame costs on frames decoded beforehand: the bare detector (default threads and 1 thread)
/// and the motion step. Real-time factor = 79.5 s ÷ the pipeline's time.
/// </summary>
[Config(typeof(CameraConfig))]
public class CameraBenchmarks
{
    private const int Width = 416;
    private const int Height = 312;
    private const int Predecoded = 100;
    private Frame[] frames = [];
    private OnnxDetector? detector;
    private OnnxDetector? oneThread;

    public static string Video => Environment.GetEnvironmentVariable("EDGESTATION_VTEST") ?? "/work/shared/data/video/vtest.avi";

    [GlobalSetup]
    public void Setup()
    {
        // Frames 200–299: people in every one, as on a busy square.
        frames = [.. Decode(null).Skip(200).Take(Predecoded)];
        detector = new OnnxDetector(DetectorOptions.YoloxNano());
        oneThread = new OnnxDetector(DetectorOptions.YoloxNano() with { Threads = 1 });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        detector?.Dispose();
        oneThread?.Dispose();
    }

    /// <summary>Floor for the 10 fps pipeline: ffmpeg decoding every frame to raw BGR, nothing done with them.</summary>
    [Benchmark]
    public long DecodeOnly10Fps() => Decode(null).Count();

    [Benchmark]
    public long Pipeline10Fps() => RunPipeline(null);

    /// <summary>Floor for the 5 fps pipeline.</summary>
    [Benchmark]
    public long DecodeOnly5Fps() => Decode(5).Count();

    [Benchmark]
    public long Pipeline5Fps() => RunPipeline(5);

    /// <summary>The bare detector on frames decoded beforehand, per frame (ONNX Runtime's default threads: one per core).</summary>
    [Benchmark(OperationsPerInvoke = Predecoded)]
    public int DetectorPerFrame()
    {
        var n = 0;
        foreach (var f in frames)
        {
            n += detector!.Detect(f).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Predecoded)]
    public int DetectorPerFrameOneThread()
    {
        var n = 0;
        foreach (var f in frames)
        {
            n += oneThread!.Detect(f).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Predecoded)]
    public int MotionPerFrame()
    {
        var motion = new MotionDetector();
        var n = 0;
        foreach (var f in frames)
        {
            n += motion.Detect(f).Regions.Count;
        }

        return n;
    }

    private long RunPipeline(double? fps)
    {
        var pipeline = new CameraPipeline(detector!, Width, Height);
        long persons = 0;
        foreach (var frame in Decode(fps))
        {
            persons += pipeline.Analyze(frame).Persons;
        }

        return persons;
    }

    private static IEnumerable<Frame> Decode(double? fps)
    {
        var source = new SupervisedFrameSource(new FrameSourceOptions { Input = Video, Width = Width, Height = Height, Fps = fps, SourceFps = 10 }, TimeProvider.System);
        var e = source.ReadFramesAsync(CancellationToken.None).GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                yield return e.Current;
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Whole-clip runs of 5–15 s each: a few iterations.</summary>
public sealed class CameraConfig() : EdgeStationConfig("camera", warmups: 1, iterations: 5, quickIterations: 1);
