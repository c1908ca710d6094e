using System.Text.Json;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Storage;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Center.Tests.Cli;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EnrollmentCommandTests : IDisposable
{
    private readonly CenterRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Ca_init_writes_a_key_only_its_owner_reads()
    {
        var (exit, output, _) = _run.Cli("ca", "init");

        Assert.Equal(0, exit);
        Assert.Contains("fingerprint", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuthorityFiles.KeyPath(_run.DataDir)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_run.DataDir, "ca")));
    }

    [Fact]
    public void Second_ca_init_is_refused_and_keeps_the_first_ca()
    {
        _run.Cli("ca", "init");
        var key = File.ReadAllText(AuthorityFiles.KeyPath(_run.DataDir));

        var (exit, _, error) = _run.Cli("ca", "init");

        Assert.Equal(2, exit);
        Assert.Contains("never replaced", error, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllText(AuthorityFiles.KeyPath(_run.DataDir)));
    }

    [Fact]
    public void Enroll_before_ca_init_is_an_environment_error()
    {
        var (exit, _, error) = _run.Cli("enroll", "--station", "dongshan", "--name", "东山村", "--output", _run.BundlePath("dongshan"));

        Assert.Equal(3, exit);
        Assert.Contains("ca init", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_run.BundlePath("dongshan")));
    }

    [Fact]
    public void Enroll_writes_an_owner_only_bundle_the_station_accepts()
    {
        _run.InitAndEnroll("dongshan");

        var path = _run.BundlePath("dongshan");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var bundle = StationBundle.Read(path, "dongshan", _run.Time.GetUtcNow());
        Assert.Equal("dongshan村", bundle.StationName);
        Assert.Equal(File.ReadAllText(AuthorityFiles.CertificatePath(_run.DataDir)), bundle.CaCertificatePem);
        Assert.Equal(new Uri("https://localhost:7443"), bundle.CenterEndpoint);
    }

    [Theory]
    [InlineData("Dongshan")]
    [InlineData("-dongshan")]
    [InlineData("东山")]
    [InlineData("a/b")]
    public void Enroll_refuses_a_bad_station_id(string id)
    {
        _run.InitAndEnroll();

        var (exit, _, error) = _run.Cli("enroll", "--station", id, "--name", "东山村", "--output", _run.BundlePath("x"));

        Assert.Equal(2, exit);
        Assert.Contains("not a station id", error, StringComparison.Ordinal);
        Assert.Empty(Json("stations", "list").EnumerateArray());
    }

    [Fact]
    public void Enroll_refuses_a_plain_http_endpoint()
    {
        _run.InitAndEnroll();

        var (exit, _, error) = _run.Cli("enroll", "--station", "dongshan", "--name", "东山村", "--endpoint", "http://center:7443", "--output", _run.BundlePath("dongshan"));

        Assert.Equal(2, exit);
        Assert.Contains("https://HOST:PORT", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Enroll_never_overwrites_an_existing_bundle()
    {
        _run.InitAndEnroll("dongshan");
        var before = File.ReadAllText(_run.BundlePath("dongshan"));

        var (exit, _, error) = _run.Cli("enroll", "--station", "dongshan", "--name", "东山村", "--output", _run.BundlePath("dongshan"));

        Assert.Equal(2, exit);
        Assert.Contains("never overwritten", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_run.BundlePath("dongshan")));
    }

    [Fact]
    public void Re_enrolling_retires_the_earlier_certificate()
    {
        _run.InitAndEnroll("dongshan");
        var first = StationBundle.Read(_run.BundlePath("dongshan"), null, _run.Time.GetUtcNow()).ClientCertificate().SerialNumber;

        var (exit, output, _) = _run.Cli("enroll", "--station", "dongshan", "--name", "东山村", "--output", Path.Combine(_run.Root, "again.json"));

        Assert.Equal(0, exit);
        Assert.Contains("re-enrolled", output, StringComparison.Ordinal);
        using var store = LiteCenterStore.Open(_run.DataDir, mustExist: true);
        var row = store.Station("dongshan")!;
        Assert.Equal([first], row.RetiredSerials);
        Assert.NotEqual(first, row.CertificateSerial);
    }

    [Fact]
    public void Revoke_marks_the_station_revoked()
    {
        _run.InitAndEnroll("dongshan", "xishan");

        Assert.Equal(0, _run.Cli("revoke", "--station", "dongshan").Exit);

        var stations = Json("stations", "list").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("revoked").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["dongshan"] = true, ["xishan"] = false }, stations);
    }

    [Fact]
    public void Revoke_of_an_unknown_station_is_a_usage_error()
    {
        _run.InitAndEnroll("dongshan");

        var (exit, _, error) = _run.Cli("revoke", "--station", "nanshan");

        Assert.Equal(2, exit);
        Assert.Contains("no station 'nanshan'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stations_list_shows_a_new_station_as_stale_with_no_digests()
    {
        _run.InitAndEnroll("dongshan");

        var (exit, output, _) = _run.Cli("stations", "list");

        Assert.Equal(0, exit);
        Assert.Contains("dongshan", output, StringComparison.Ordinal);
        Assert.Contains("never (stale)", output, StringComparison.Ordinal);
        Assert.Contains("no digests yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_on_a_database_held_by_another_process_is_an_environment_error()
    {
        _run.InitAndEnroll("dongshan");
        using var held = LiteCenterStore.Open(_run.DataDir, mustExist: true);

        var (exit, _, error) = _run.Cli("revoke", "--station", "dongshan");

        Assert.Equal(3, exit);
        Assert.Contains("in use by another process", error, StringComparison.Ordinal);
        Assert.False(held.Station("dongshan")!.Revoked);
    }

    [Fact]
    public void A_file_that_is_not_a_center_database_is_left_as_it_is()
    {
        _run.InitAndEnroll();
        var db = Path.Combine(_run.DataDir, LiteCenterStore.FileName);
        File.Delete(db);
        File.WriteAllText(db, "these are the minutes of the village meeting");

        var (exit, _, error) = _run.Cli("stations", "list");

        Assert.Equal(3, exit);
        Assert.Contains("not a whole center database", error, StringComparison.Ordinal);
        Assert.Equal("these are the minutes of the village meeting", File.ReadAllText(db));
    }

    [Fact]
    public void An_unknown_flag_is_a_usage_error()
    {
        Assert.Equal(2, _run.Cli("stations", "list", "--colour").Exit);
    }

    private JsonElement Json(params string[] args)
    {
        var (exit, output, error) = _run.Cli([.. args, "--json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }
}
