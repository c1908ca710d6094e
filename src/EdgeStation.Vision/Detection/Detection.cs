using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Detection;

/// <summary>One object the detector found: where (frame pixels), which class of the model's list, how sure.</summary>
public sealed record Detection(Box Box, int ClassIndex, string Label, float Score);
