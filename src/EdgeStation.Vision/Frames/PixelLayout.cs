namespace EdgeStation.Vision.Frames;

/// <summary>How the bytes of a raw frame are laid out (ffmpeg's names in brackets).</summary>
public enum PixelLayout
{
    /// <summary>One byte of luma per pixel (gray).</summary>
    Gray8,

    /// <summary>Three bytes per pixel, blue, green, red (bgr24): what YOLOX-style detectors take.</summary>
    Bgr24,
}
