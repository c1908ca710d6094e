using System.CommandLine;

namespace EdgeStation.Center.Cli;

/// <summary>`revoke`: the station's certificate is refused at the next handshake (a stolen box, a lost bundle).</summary>
public static class RevokeCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var station = new Option<string>("--station") { Description = "the station id", Required = true, HelpName = "ID" };
        var command = new Command("revoke", "refuse a station's certificate from the next connection on (enroll it again to issue a new one)") { station };
        command.SetAction(p =>
        {
            var id = p.GetValue(station)!.Trim();
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            if (!access.Admin.Revoke(id))
            {
                throw new UsageException($"no station '{id}' is enrolled here ('stations list' shows them)");
            }
            ctx.Out.WriteLine($"revoked {id}: its certificate is refused from the next connection; what it sent before is kept");
            return ExitCodes.Ok;
        });
        return command;
    }
}
