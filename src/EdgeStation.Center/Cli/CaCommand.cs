using System.CommandLine;
using System.Security.Cryptography;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Cli;

/// <summary>`ca init` makes the center's CA (once), `ca show` prints what stations will trust.</summary>
public static class CaCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var ca = new Command("ca", "the center's certificate authority, which issues every station's certificate");
        var name = new Option<string>("--name") { Description = "the center's name in the CA certificate (e.g. 东山镇综治中心)", DefaultValueFactory = _ => "EdgeStation center", HelpName = "NAME" };
        var init = new Command("init", "create the CA and an empty center database in --data-dir (refuses if a CA exists)") { name };
        init.SetAction(p =>
        {
            var dataDir = o.ResolveDataDir(p, ctx);
            var centerName = p.GetValue(name)!.Trim();
            if (centerName.Length is 0 or > 64)
            {
                throw new UsageException("--name must be 1-64 characters");
            }
            if (AuthorityFiles.Exists(dataDir))
            {
                throw new UsageException($"a CA already exists in {Path.Combine(dataDir, AuthorityFiles.Folder)}: every enrolled station trusts it, so it is never replaced (move the folder aside yourself to start over)");
            }
            using (var store = CenterStores.Open(dataDir, o.ResolveDatabase(p, ctx), mustExist: false, ctx.Time))
            using (var authority = AuthorityFiles.Init(dataDir, centerName, ctx.Time.GetUtcNow()))
            {
                ctx.Out.WriteLine($"CA created in {Path.Combine(dataDir, AuthorityFiles.Folder)} (key 0600: back it up, keep it on this server)");
                ctx.Out.WriteLine($"CA fingerprint (SHA-256): {Fingerprint(authority)}");
            }
            return ExitCodes.Ok;
        });
        var show = new Command("show", "print the CA's name, validity and fingerprint");
        show.SetAction(p =>
        {
            using var authority = AuthorityFiles.Load(o.ResolveDataDir(p, ctx));
            ctx.Out.WriteLine($"subject:     {authority.Certificate.Subject}");
            ctx.Out.WriteLine($"valid:       {authority.Certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {authority.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
            ctx.Out.WriteLine($"fingerprint: {Fingerprint(authority)}");
            return ExitCodes.Ok;
        });
        ca.Subcommands.Add(init);
        ca.Subcommands.Add(show);
        return ca;
    }

    public static string Fingerprint(EdgeStation.Sync.Bundle.CenterAuthority authority) =>
        Convert.ToHexString(SHA256.HashData(authority.Certificate.RawData));
}
