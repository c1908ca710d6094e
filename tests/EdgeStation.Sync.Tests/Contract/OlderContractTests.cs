using EdgeStation.Sync.Tests.Support;
using EdgeStation.Sync.V1;

namespace EdgeStation.Sync.Tests.Contract;

/// <summary>
/// A newer center reads what an older station sent: the bytes a contract-version-1 station wrote (Golden/v1, kept as
/// they were when version 2 added fields) parse with today's parser, to the same values, with the new fields empty.
/// </summary>
public sealed class OlderContractTests
{
    private static readonly string Folder = Path.Combine(SourceFolder.Of(), "Golden", "v1");

    [Fact]
    public void Camera_counts_of_a_version_1_station_parse_with_the_new_fields_empty()
    {
        var counts = CameraCounts.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(Folder, "CameraCounts.bin")));

        Assert.Equal((1_764_547_200_000, 1_764_550_800_000), (counts.PeriodStart, counts.PeriodEnd));
        Assert.Equal([1u, 2u], counts.Cameras.Select(c => c.CameraIndex));
        var second = counts.Cameras[1];
        Assert.Equal((12u, 22u, 32u, 42u, 52u), (second.PersonDetections, second.VehicleDetections, second.ZoneAlerts, second.TamperAlerts, second.OfflineSeconds));
        Assert.All(counts.Cameras, c => Assert.Empty(c.Alerts));
        Assert.All(counts.Cameras, c => Assert.Empty(c.Lines));
        Assert.All(counts.Cameras, c => Assert.Empty(c.Zones));
        Assert.All(counts.Cameras, c => Assert.Equal((0u, 0u), (c.PeakPersons, c.AnalysedFrames)));
    }

    [Fact]
    public void A_version_1_camera_count_is_a_prefix_of_its_version_2_encoding()
    {
        // Fields 1–6 kept their numbers and types: the new encoding starts with the old bytes, the additions follow.
        var old = File.ReadAllBytes(Path.Combine(Folder, "CameraCount.bin"));
        var now = File.ReadAllBytes(Path.Combine(SourceFolder.Of(), "Golden", "CameraCount.bin"));

        Assert.Equal(Convert.ToHexString(old), Convert.ToHexString(now[..old.Length]));
        Assert.True(now.Length > old.Length);
    }
}
