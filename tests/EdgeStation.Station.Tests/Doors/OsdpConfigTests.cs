using EdgeStation.Access.Decisions;
using EdgeStation.Access.Osdp;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>station.json's "access.osdp": what a good section gives, and every bad one refused naming the key (exit 2), nothing started.</summary>
public sealed class OsdpConfigTests
{
    private static string Config(string osdp) =>
        $$"""{ "access": { "gpio": "simulated", "doors": [{ "id": 1, "name": "正门", "lock": 17 }], "osdp": {{osdp}} } }""";

    [Fact]
    public void A_reader_section_gives_the_bus_with_the_secure_channel_on_by_default()
    {
        var osdp = StationConfigLoader.Parse(Config("""{ "device": "/dev/ttyUSB0", "readers": [{ "address": 5, "door": 1, "direction": "out" }, { "address": 6, "door": 1 }] }"""), "station.json").Access.Osdp!;

        Assert.Equal(("/dev/ttyUSB0", 9600, true), (osdp.Device, osdp.Baud, osdp.SecureChannel));
        Assert.Equal([new OsdpReaderBinding(5, 0, 1, ReaderDirection.Out), new OsdpReaderBinding(6, 0, 1, ReaderDirection.In)], osdp.Readers);
        Assert.False(osdp.IsSimulated);
    }

    [Fact]
    public void No_osdp_section_means_no_bus() =>
        Assert.Null(StationConfigLoader.Parse("""{ "access": { "doors": [{ "id": 1, "name": "a", "lock": 17 }] } }""", "station.json").Access.Osdp);

    [Theory]
    [InlineData("""{ "readers": [{ "address": 1, "door": 1 }] }""", "access.osdp.device: needs the serial device")]
    [InlineData("""{ "device": "COM3", "readers": [{ "address": 1, "door": 1 }] }""", "access.osdp.device: must be a serial device under /dev")]
    [InlineData("""{ "device": "/dev/../etc/passwd", "readers": [{ "address": 1, "door": 1 }] }""", "access.osdp.device: must be a serial device under /dev")]
    [InlineData("""{ "device": "simulated", "baud": 1200, "readers": [{ "address": 1, "door": 1 }] }""", "access.osdp.baud: must be one of 9600, 19200")]
    [InlineData("""{ "device": "simulated", "readers": [] }""", "access.osdp.readers: an OSDP bus needs at least one reader")]
    [InlineData("""{ "device": "simulated" }""", "access.osdp.readers: an OSDP bus needs at least one reader")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 127, "door": 1 }] }""", "access.osdp.readers[0].address: an OSDP reader address is 0–126 (got 127)")]
    [InlineData("""{ "device": "simulated", "readers": [{ "door": 1 }] }""", "access.osdp.readers[0].address: an OSDP reader address is 0–126 (got none)")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 1, "reader": 300, "door": 1 }] }""", "access.osdp.readers[0].reader: a reader number on a device is 0–255")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 1, "door": 9 }] }""", "access.osdp.readers[0].door: there is no door 9 (doors: 1)")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 1 }] }""", "access.osdp.readers[0].door: an OSDP reader needs the door it serves")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 1, "door": 1, "direction": "up" }] }""", "access.osdp.readers[0].direction: must be \"in\" or \"out\" (got 'up')")]
    [InlineData("""{ "device": "simulated", "readers": [{ "address": 1, "door": 1 }, { "address": 1, "door": 1, "direction": "out" }] }""", "access.osdp.readers[1].address: reader 0 at address 1 is configured twice")]
    [InlineData("""{ "device": "simulated", "speed": 9600, "readers": [{ "address": 1, "door": 1 }] }""", "unknown key")]
    [InlineData("""{ "device": "simulated", "secureChannel": "yes", "readers": [{ "address": 1, "door": 1 }] }""", "access.osdp.secureChannel")]
    public void Bad_osdp_configuration_is_refused_naming_the_key(string osdp, string message)
    {
        var ex = Assert.Throws<UsageException>(() => StationConfigLoader.Parse(Config(osdp), "station.json"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_bad_osdp_section_exits_2_before_anything_starts()
    {
        using var station = new TestStation();
        var path = Path.Combine(station.DataDir, "bad.json");
        File.WriteAllText(path, Config("""{ "device": "simulated", "readers": [{ "address": 1, "door": 4 }] }"""));

        var r = station.Run("--config", path, "run", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, r.Exit);
        Assert.Contains("there is no door 4", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(station.DataDir, OsdpSettings.KeyFile))); // nothing made
    }
}
