namespace EdgeStation.Vision.Detection;

/// <summary>Where the models that ship with the station live: <c>models/</c> beside the binary.</summary>
public static class ShippedModels
{
    /// <summary>File name of the default person detector (YOLOX-Nano, COCO classes).</summary>
    public const string YoloxNanoFileName = "yolox_nano.onnx";

    /// <summary>The folder the build and publish copy the models to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>Full path of the shipped YOLOX-Nano model.</summary>
    public static string YoloxNanoPath => Path.Combine(Folder, YoloxNanoFileName);
}
