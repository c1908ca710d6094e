using System.Text;
using EdgeStation.Station.Sync;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Station.Tests.Sync;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProvisionCommandTests : IDisposable
{
    private readonly TestStation _station = new();
    private readonly CenterAuthority _ca = CenterAuthority.Create("测试乡镇", TestStation.Start);
    private readonly string _files = Directory.CreateTempSubdirectory("edgestation-bundles-").FullName;

    public void Dispose()
    {
        _station.Dispose();
        _ca.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    private string BundleFile(string stationId, Func<string, string>? edit = null)
    {
        var bundle = StationBundle.Issue(_ca, stationId, "东山村", new Uri("https://center.example:7443"), TestStation.Start);
        var path = Path.Combine(_files, stationId + "-" + Guid.NewGuid().ToString("N") + ".json");
        var json = Encoding.UTF8.GetString(bundle.ToJson());
        File.WriteAllText(path, edit is null ? json : edit(json));
        return path;
    }

    [Fact]
    public void A_bundle_is_installed_owner_only_and_the_key_is_never_printed()
    {
        var r = _station.Run("provision", "--bundle", BundleFile("dongshan"));

        Assert.Equal(0, r.Exit);
        Assert.Contains("provisioned station dongshan", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", r.Out + r.Err, StringComparison.Ordinal);
        var installed = SyncIdentity.BundlePath(_station.DataDir);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(installed));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(SyncIdentity.Dir(_station.DataDir)));
        Assert.Equal("dongshan", SyncIdentity.Load(_station.DataDir, TestStation.Start)!.StationId);
    }

    [Fact]
    public void A_bundle_changed_after_signing_is_refused_with_exit_2_and_nothing_installed()
    {
        var tampered = BundleFile("dongshan", json => json.Replace("https://center.example:7443", "https://evil.example:7443", StringComparison.Ordinal));

        var r = _station.Run("provision", "--bundle", tampered);

        Assert.Equal(2, r.Exit);
        Assert.Contains("signature", r.Err, StringComparison.Ordinal);
        Assert.False(SyncIdentity.IsProvisioned(_station.DataDir));
    }

    [Fact]
    public void A_bundle_for_another_station_is_refused_and_the_installed_identity_stays()
    {
        _station.Ok("provision", "--bundle", BundleFile("dongshan"));
        var before = File.ReadAllBytes(SyncIdentity.BundlePath(_station.DataDir));

        var r = _station.Run("provision", "--bundle", BundleFile("xishan"));

        Assert.Equal(2, r.Exit);
        Assert.Contains("'xishan'", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(SyncIdentity.BundlePath(_station.DataDir)));
    }

    [Fact]
    public void A_new_bundle_for_the_same_station_replaces_the_old_one()
    {
        _station.Ok("provision", "--bundle", BundleFile("dongshan"));

        Assert.Equal(0, _station.Run("provision", "--bundle", BundleFile("dongshan")).Exit);
    }

    [Fact]
    public void A_file_that_is_not_a_bundle_or_is_missing_is_exit_2()
    {
        var junk = Path.Combine(_files, "junk.json");
        File.WriteAllText(junk, "not json");

        Assert.Equal(2, _station.Run("provision", "--bundle", junk).Exit);
        Assert.Equal(2, _station.Run("provision", "--bundle", Path.Combine(_files, "missing.json")).Exit);
        Assert.Equal(2, _station.Run("provision").Exit);
        Assert.False(SyncIdentity.IsProvisioned(_station.DataDir));
    }
}
