using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Tests.Detection;

public sealed class LetterboxTests
{
    [Fact]
    public void A_wide_frame_is_scaled_to_the_input_width_and_padded_below()
    {
        var frame = Solid(800, 400, b: 10, g: 20, r: 30);
        var tensor = new float[3 * 416 * 416];

        var box = Letterbox.Fill(frame, new Box(0, 0, 800, 400), 416, 416, rgb: false, scaleToUnit: false, pad: 114, tensor);

        Assert.Equal(0.52f, box.Scale, 3);
        Assert.Equal(10f, tensor[0]); // B plane, top left
        Assert.Equal(20f, tensor[416 * 416]); // G plane
        Assert.Equal(30f, tensor[2 * 416 * 416]); // R plane
        Assert.Equal(114f, tensor[(300 * 416) + 10]); // below the picture (208 rows tall)
    }

    [Fact]
    public void Rgb_models_get_the_channels_swapped_and_unit_scaling()
    {
        var frame = Solid(64, 64, b: 51, g: 102, r: 255);
        var tensor = new float[3 * 32 * 32];

        Letterbox.Fill(frame, new Box(0, 0, 64, 64), 32, 32, rgb: true, scaleToUnit: true, pad: 114, tensor);

        Assert.Equal(1f, tensor[0], 3);
        Assert.Equal(0.4f, tensor[32 * 32], 3);
        Assert.Equal(0.2f, tensor[2 * 32 * 32], 3);
    }

    [Fact]
    public void A_box_in_input_pixels_maps_back_to_the_cropped_region_of_the_frame()
    {
        var frame = Solid(640, 480, 0, 0, 0);
        var tensor = new float[3 * 416 * 416];

        var box = Letterbox.Fill(frame, new Box(100, 50, 308, 258), 416, 416, false, false, 114, tensor);

        Assert.Equal(2f, box.Scale, 3);
        Assert.Equal(new Box(110, 60, 160, 160), box.ToFrame(new Box(20, 20, 120, 220)));
    }

    private static Frame Solid(int width, int height, byte b, byte g, byte r)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = (b, g, r);
        }

        return new Frame(0, TimeSpan.Zero, width, height, PixelLayout.Bgr24, pixels);
    }
}
