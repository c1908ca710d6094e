using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;
using Microsoft.ML.OnnxRuntime;

namespace EdgeStation.Vision.Detection;

/// <summary>
/// A detector plug-in run by ONNX Runtime (CPU): letterbox into the model's input, one run, decode
/// the output by its layout, score threshold, NMS per class. One instance per camera thread; the
/// input buffer is reused between frames.
/// </summary>
public sealed class OnnxDetector : IObjectDetector
{
    private readonly DetectorOptions options;
    private readonly InferenceSession session;
    private readonly DetectionDecoder decoder;
    private readonly float[] input;
    private readonly OrtValue inputValue;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly RunOptions runOptions = new();

    public OnnxDetector(DetectorOptions options)
    {
        this.options = options;
        if (!File.Exists(options.ModelPath))
        {
            throw new ModelUnavailableException($"detector model not found: {options.ModelPath}");
        }

        using var sessionOptions = new SessionOptions { IntraOpNumThreads = options.Threads, InterOpNumThreads = 1 };
        sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        try
        {
            session = new InferenceSession(options.ModelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelUnavailableException($"detector model cannot be loaded: {options.ModelPath}: {e.Message}", e);
        }

        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            session.Dispose();
            throw new ModelUnavailableException($"{options.ModelPath}: a detector needs one input and one output, it has {session.InputMetadata.Count} and {session.OutputMetadata.Count}");
        }

        inputNames = [session.InputMetadata.Keys.First()];
        outputNames = [session.OutputMetadata.Keys.First()];
        decoder = new DetectionDecoder(options);
        input = new float[3 * options.InputWidth * options.InputHeight];
        inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 3, options.InputHeight, options.InputWidth]);
    }

    public DetectorOptions Options => options;

    public IReadOnlyList<Detection> Detect(Frame frame, Box? region = null)
    {
        var source = region ?? new Box(0, 0, frame.Width, frame.Height);
        var letterbox = Letterbox.Fill(frame, source, options.InputWidth, options.InputHeight, options.Rgb, options.ScaleToUnit, options.PadValue, input);
        using var outputs = session.Run(runOptions, inputNames, [inputValue], outputNames);
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        var candidates = decoder.Decode(output.GetTensorDataAsSpan<float>(), shape, letterbox);
        return NonMaximumSuppression.Apply(candidates, options.NmsIoU);
    }

    public void Dispose()
    {
        inputValue.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }
}
