using System.Security.Cryptography;
using System.Text;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Sync.Tests.Bundle;

public sealed class StationBundleTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);
    private static readonly Uri Endpoint = new("https://center.example:7443");

    private readonly CenterAuthority _ca = CenterAuthority.Create("东山镇", Now);
    private readonly CenterAuthority _otherCa = CenterAuthority.Create("西山镇", Now);
    private readonly string _dir = Directory.CreateTempSubdirectory("es-bundle-").FullName;

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public void Issued_bundle_reads_back_with_every_field()
    {
        var issued = StationBundle.Issue(_ca, "dongshan-village", "东山村", Endpoint, Now);

        var read = StationBundle.Parse(issued.ToJson(), "dongshan-village", Now);

        Assert.Equal("dongshan-village", read.StationId);
        Assert.Equal("东山村", read.StationName);
        Assert.Equal(Endpoint, read.CenterEndpoint);
        Assert.Equal(Now, read.IssuedAt);
        Assert.Equal(_ca.CertificatePem(), read.CaCertificatePem);
        using var client = read.ClientCertificate();
        Assert.True(client.HasPrivateKey);
        Assert.Equal("dongshan-village", client.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Written_bundle_is_readable_by_its_owner_only()
    {
        var path = Path.Combine(_dir, "dongshan.bundle.json");
        StationBundle.Issue(_ca, "dongshan-village", "东山村", Endpoint, Now).Write(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("dongshan-village", StationBundle.Read(path, null, Now).StationId);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Text_that_is_not_json_is_malformed()
    {
        var e = Refused(Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----"));
        Assert.Equal(BundleProblem.Malformed, e.Problem);
    }

    [Fact]
    public void Bundle_without_its_private_key_is_malformed()
    {
        var d = Open();
        d.StationPrivateKeyPem = null;
        StationBundle.Sign(d, _ca.Key);

        var e = Refused(BundleForgery.Close(d));

        Assert.Equal(BundleProblem.Malformed, e.Problem);
        Assert.Contains("stationPrivateKeyPem", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_format_is_refused()
    {
        var d = Open();
        d.Format = "edgestation-station-bundle/2";
        StationBundle.Sign(d, _ca.Key);

        Assert.Equal(BundleProblem.UnknownFormat, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Name_changed_after_issue_breaks_the_signature()
    {
        var d = Open();
        d.StationName = "西山村";

        Assert.Equal(BundleProblem.BadSignature, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Endpoint_changed_after_issue_breaks_the_signature()
    {
        var d = Open();
        d.CenterEndpoint = "https://attacker.example:7443";

        Assert.Equal(BundleProblem.BadSignature, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Another_ca_swapped_in_breaks_the_signature()
    {
        var d = Open();
        d.CaCertificatePem = _otherCa.CertificatePem();

        Assert.Equal(BundleProblem.BadSignature, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Station_certificate_of_another_ca_is_refused()
    {
        var d = Open();
        var (foreign, key) = _otherCa.IssueStation("dongshan-village", Now);
        d.StationCertificatePem = foreign.ExportCertificatePem();
        d.StationPrivateKeyPem = key.ExportPkcs8PrivateKeyPem();
        StationBundle.Sign(d, _ca.Key);

        Assert.Equal(BundleProblem.NotIssuedByCa, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Private_key_of_another_certificate_is_refused()
    {
        var d = Open();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        d.StationPrivateKeyPem = stranger.ExportPkcs8PrivateKeyPem();
        StationBundle.Sign(d, _ca.Key);

        Assert.Equal(BundleProblem.KeyMismatch, Refused(BundleForgery.Close(d)).Problem);
    }

    [Fact]
    public void Bundle_for_another_station_is_refused()
    {
        var bundle = StationBundle.Issue(_ca, "xishan-village", "西山村", Endpoint, Now);

        var e = Assert.Throws<StationBundleException>(() => StationBundle.Parse(bundle.ToJson(), "dongshan-village", Now));

        Assert.Equal(BundleProblem.WrongStation, e.Problem);
        Assert.Contains("xishan-village", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_read_after_its_certificate_expired_is_refused()
    {
        var bundle = StationBundle.Issue(_ca, "dongshan-village", "东山村", Endpoint, Now);

        var e = Assert.Throws<StationBundleException>(() => StationBundle.Parse(bundle.ToJson(), null, Now.AddYears(11)));

        Assert.Equal(BundleProblem.NotIssuedByCa, e.Problem);
    }

    [Fact]
    public void Refusals_never_show_the_private_key()
    {
        var d = Open();
        d.StationName = "西山村";
        var key = d.StationPrivateKeyPem!;

        var e = Refused(BundleForgery.Close(d));

        Assert.DoesNotContain(key.Split('\n')[1], e.ToString(), StringComparison.Ordinal);
    }

    private StationBundleDocument Open() => BundleForgery.Open(StationBundle.Issue(_ca, "dongshan-village", "东山村", Endpoint, Now));

    private static StationBundleException Refused(byte[] json) =>
        Assert.Throws<StationBundleException>(() => StationBundle.Parse(json, "dongshan-village", Now));
}
