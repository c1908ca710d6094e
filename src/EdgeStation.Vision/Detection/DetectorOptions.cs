namespace EdgeStation.Vision.Detection;

/// <summary>
/// A detector plug-in: any ONNX detection model with one image input (NCHW, 0..255) and one output in
/// a known <see cref="OutputLayout"/>, plus its class list. <see cref="YoloxNano"/> is the shipped
/// person detector; a smoke/fire model for the forest edge is another instance of this record.
/// </summary>
public sealed record DetectorOptions
{
    /// <summary>Path of the .onnx file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Class names in the model's output order.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Classes to report (names from <see cref="Classes"/>); empty: all.</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    public OutputLayout Layout { get; init; } = OutputLayout.YoloxGrid;

    /// <summary>Model input width and height; the frame is letterboxed into it.</summary>
    public int InputWidth { get; init; } = 416;

    public int InputHeight { get; init; } = 416;

    /// <summary>Channel order the model was trained on (YOLOX: BGR; most others: RGB).</summary>
    public bool Rgb { get; init; }

    /// <summary>Divide pixel values by 255 (models trained on 0..1 input).</summary>
    public bool ScaleToUnit { get; init; }

    /// <summary>Grey level of the letterbox padding (114 in YOLOX's own demo).</summary>
    public byte PadValue { get; init; } = 114;

    /// <summary>Lowest score (objectness × class score) reported.</summary>
    public float ScoreThreshold { get; init; } = 0.5f;

    /// <summary>Two boxes of one class overlapping more than this are one object (non-maximum suppression).</summary>
    public float NmsIoU { get; init; } = 0.45f;

    /// <summary>ONNX Runtime intra-op threads; 0 lets it choose (one per core).</summary>
    public int Threads { get; init; }

    /// <summary>The shipped YOLOX-Nano (COCO, 416×416, BGR 0..255, grid output) reporting people only.</summary>
    public static DetectorOptions YoloxNano(string? modelPath = null) => new()
    {
        ModelPath = modelPath ?? ShippedModels.YoloxNanoPath,
        Classes = CocoClasses.Names,
        Keep = ["person"],
    };
}
