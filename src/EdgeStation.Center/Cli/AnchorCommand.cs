using System.CommandLine;
using System.Globalization;

namespace EdgeStation.Center.Cli;

/// <summary>
/// `anchor --station ID SEQ:HASH`: checks the anchor printed on a village's monthly report (平安建设月报) against the
/// ledger digest the center received for that entry, so the paper and the station's history can be compared
/// without visiting the village. Exit 0 when they agree, 1 when they differ or the entry has not arrived.
/// </summary>
public static class AnchorCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var station = new Option<string>("--station") { Description = "the station id", Required = true, HelpName = "ID" };
        var anchor = new Argument<string>("SEQ:HASH") { Description = "the anchor as printed on the monthly report" };
        var command = new Command("anchor", "check a monthly report's printed anchor against the digests received from the station") { station, anchor };
        command.SetAction(p =>
        {
            var text = p.GetValue(anchor)!.Trim();
            var parts = text.Split(':');
            if (parts.Length != 2 || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq == 0
                || parts[1].Length != 64 || !parts[1].All(Uri.IsHexDigit))
            {
                throw new UsageException($"'{text}' is not an anchor: it is SEQ:HASH, a number from 1 and 64 hex digits, as printed on the monthly report");
            }
            var id = p.GetValue(station)!.Trim();
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            var check = access.Admin.CheckAnchor(id, seq, parts[1].ToLowerInvariant());
            switch (check.Verdict)
            {
                case Admin.AnchorVerdict.Matches:
                    ctx.Out.WriteLine($"anchor matches: entry {seq} of {id} has this hash in the digests the center received");
                    return ExitCodes.Ok;
                case Admin.AnchorVerdict.Differs:
                    ctx.Out.WriteLine($"ANCHOR DIFFERS: the center received {seq}:{check.HeldHash} from {id}; the paper or the station's history was changed");
                    return ExitCodes.CheckFailed;
                default:
                    ctx.Out.WriteLine($"not yet received: {id} has not sent the digest of entry {seq}; check again after it has synced");
                    return ExitCodes.CheckFailed;
            }
        });
        return command;
    }
}
