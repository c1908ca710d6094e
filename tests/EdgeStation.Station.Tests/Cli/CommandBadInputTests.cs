using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// Issue 15, "tests the suite lacks": bad input to `run --urls`, `--config`, `records show` and `records anchor` gets
/// a clear message and its documented exit code (2 usage/input, 3 environment), and changes nothing.
/// </summary>
public sealed class CommandBadInputTests : IDisposable
{
    private readonly TestStation _station = new();

    public void Dispose() => _station.Dispose();

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:99999")]
    public void Run_with_a_bad_urls_exits_2_naming_it_and_creates_no_database(string urls)
    {
        var r = _station.Run("run", "--urls", urls);

        Assert.Equal(2, r.Exit);
        Assert.Contains("--urls", r.Err, StringComparison.Ordinal);
        Assert.Contains(urls, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal); // a message, not a stack trace
        Assert.False(File.Exists(_station.DbPath));
    }

    [Fact]
    public void A_config_file_that_does_not_exist_exits_2_and_names_it()
    {
        var missing = Path.Combine(_station.DataDir, "nowhere", "station.json");

        var r = _station.Run("--config", missing, "records", "add", "case", "--kind", "criminal");

        Assert.Equal(2, r.Exit);
        Assert.Contains($"config file {missing} does not exist", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_station.DbPath));
    }

    [Fact]
    public void A_config_file_that_is_not_json_exits_2_and_writes_nothing()
    {
        _station.AddDispute();
        var before = _station.Head();
        var config = Path.Combine(_station.DataDir, "broken.json");
        File.WriteAllText(config, "{ \"village\": \"测试村\", ");

        var r = _station.Run("--config", config, "records", "add", "case", "--kind", "criminal");

        Assert.Equal(2, r.Exit);
        Assert.Contains($"config file {config} is malformed", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.Equal(before, _station.Head());
    }

    [Fact]
    public void Records_show_of_an_unknown_id_exits_2_and_names_it()
    {
        _station.AddDispute();

        var r = _station.Run("records", "show", "DS-2026-0099");

        Assert.Equal(2, r.Exit);
        Assert.Contains("DS-2026-0099", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Records_anchor_on_an_empty_data_dir_exits_3_and_creates_nothing()
    {
        var r = _station.Run("records", "anchor");

        Assert.Equal(3, r.Exit);
        Assert.Contains("no station database", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.False(File.Exists(_station.DbPath));
    }
}
