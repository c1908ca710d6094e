using System.CommandLine;
using System.Globalization;
using EdgeStation.Station.Sync;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation provision --bundle FILE`: installs the station's identity towards its township center from the bundle
/// the center's `enroll` wrote. Refused (exit 2, nothing changed): a bundle whose CA signature, certificate chain or key
/// does not hold, or one for another station than the one already provisioned. The private key is never printed.
/// </summary>
public static class ProvisionCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var bundleOption = new Option<string>("--bundle") { Description = "the bundle file from the center (edgestation-center enroll)", HelpName = "FILE", Required = true };
        var cmd = new Command("provision", "install this station's identity, certificate and center endpoint from a signed bundle") { bundleOption };
        cmd.SetAction(p =>
        {
            var file = p.GetValue(bundleOption)!;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read the bundle {file}: {ex.Message}");
            }
            var dataDir = g.ResolveDataDir(p, ctx);
            var installed = SyncIdentity.InstalledStationId(dataDir);
            StationBundle bundle;
            try
            {
                bundle = StationBundle.Parse(bytes, installed, ctx.Time.GetUtcNow());
            }
            catch (StationBundleException ex)
            {
                var also = ex.Problem == BundleProblem.WrongStation
                    ? " A station keeps its id for good: ask the center for a bundle of this station (edgestation-center enroll --station " + installed + ")."
                    : "";
                throw new UsageException($"{file} refused: {ex.Message}.{also} Nothing was changed.");
            }
            GlobalOptions.SecureDataDir(dataDir, ctx);
            SyncIdentity.Install(dataDir, bundle);
            using var certificate = bundle.ClientCertificate();
            using var ca = bundle.CaCertificate();
            var until = certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            ctx.Out.WriteLine($"provisioned station {bundle.StationId} ({bundle.StationName}) for the center at {bundle.CenterEndpoint}");
            ctx.Out.WriteLine($"station certificate valid until {until}; center CA {ca.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256).ToLowerInvariant()}");
            ctx.Out.WriteLine($"installed in {SyncIdentity.BundlePath(dataDir)} (owner-only); the running service picks it up at its next push");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
