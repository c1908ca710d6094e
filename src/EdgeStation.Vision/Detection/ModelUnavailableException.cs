namespace EdgeStation.Vision.Detection;

/// <summary>The model file is missing or ONNX Runtime cannot load it: an environment problem (exit 3), said plainly.</summary>
public sealed class ModelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
