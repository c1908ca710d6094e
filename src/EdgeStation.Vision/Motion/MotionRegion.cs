using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Motion;

/// <summary>A connected patch of moved cells, in frame pixels, with how many motion-scale pixels moved in it.</summary>
public sealed record MotionRegion(Box Box, int MovedPixels);
