namespace EdgeStation.Vision.Detection;

/// <summary>How a detection model lays out its single output tensor; the decoder for each is in <see cref="DetectionDecoder"/>.</summary>
public enum OutputLayout
{
    /// <summary>
    /// YOLOX exported without decoding (<c>[1, anchors, 5 + classes]</c>): per anchor x, y, w, h as grid
    /// offsets and log sizes, objectness, class scores; anchors row by row for strides 8, 16, 32.
    /// </summary>
    YoloxGrid,

    /// <summary>
    /// YOLOX/YOLOv5-style already decoded (<c>[1, anchors, 5 + classes]</c>): centre x, centre y, width,
    /// height in input pixels, objectness, class scores.
    /// </summary>
    CenterSizeObjectness,

    /// <summary>
    /// YOLOv8-style (<c>[1, 4 + classes, anchors]</c>): centre x, centre y, width, height in input pixels,
    /// then class scores, no objectness.
    /// </summary>
    CenterSizeTransposed,
}
