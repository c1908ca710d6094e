namespace EdgeStation.Vision.Frames;

/// <summary>
/// One raw decoded picture. <see cref="Index"/> is the frame's index in the source (at the source's
/// own rate, so a subsampled run still names the source frame), <see cref="Timestamp"/> its time
/// from the start of the source.
/// </summary>
public sealed class Frame
{
    public Frame(long index, TimeSpan timestamp, int width, int height, PixelLayout layout, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != ByteCount(width, height, layout))
        {
            throw new ArgumentException($"a {width}x{height} {layout} frame has {ByteCount(width, height, layout)} bytes, not {pixels.Length}", nameof(pixels));
        }

        Index = index;
        Timestamp = timestamp;
        Width = width;
        Height = height;
        Layout = layout;
        Pixels = pixels;
    }

    public long Index { get; }

    public TimeSpan Timestamp { get; }

    public int Width { get; }

    public int Height { get; }

    public PixelLayout Layout { get; }

    /// <summary>Rows top to bottom, no padding.</summary>
    public byte[] Pixels { get; }

    public static int BytesPerPixel(PixelLayout layout) => layout == PixelLayout.Gray8 ? 1 : 3;

    public static int ByteCount(int width, int height, PixelLayout layout) => width * height * BytesPerPixel(layout);
}
