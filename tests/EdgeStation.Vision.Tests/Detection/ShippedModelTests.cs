using EdgeStation.Vision.Detection;
using Microsoft.ML.OnnxRuntime;

namespace EdgeStation.Vision.Tests.Detection;

public sealed class ShippedModelTests
{
    [Fact]
    public void Yolox_nano_ships_beside_the_binary_with_its_licenses()
    {
        Assert.True(File.Exists(ShippedModels.YoloxNanoPath), ShippedModels.YoloxNanoPath);
        Assert.True(File.Exists(Path.Combine(ShippedModels.Folder, "yolox_nano.LICENSE-YOLOX-Apache-2.0.txt")));
        Assert.True(File.Exists(Path.Combine(ShippedModels.Folder, "yolox_nano.LICENSE-iinfer-MIT.txt")));
    }

    [Fact]
    public void Yolox_nano_loads_with_the_input_and_output_the_manifest_describes()
    {
        using var session = new InferenceSession(ShippedModels.YoloxNanoPath);

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("images", input.Key);
        Assert.Equal([1, 3, 416, 416], input.Value.Dimensions);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("output", output.Key);
        Assert.Equal([1, 3549, 85], output.Value.Dimensions);
    }
}
