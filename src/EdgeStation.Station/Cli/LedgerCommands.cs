using System.CommandLine;
using EdgeStation.Station.Output;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>`records verify` and `records anchor`: the tamper evidence officials and auditors use.</summary>
public static class LedgerCommands
{
    public static Command BuildVerify(GlobalOptions g, CliContext ctx)
    {
        var expect = new Option<string?>("--expect-head")
        {
            Description = "an anchor SEQ:HASH from a monthly report: also catches entries cut from the end",
            HelpName = "SEQ:HASH",
        };
        var cmd = new Command("verify", "walk the hash chain; exit 1 and name the first bad entry if anything was edited, deleted or reordered") { expect };
        cmd.SetAction(p =>
        {
            LedgerHead? anchor = null;
            if (p.GetValue(expect) is { } text)
            {
                anchor = LedgerHead.TryParse(text, out var h)
                    ? h
                    : throw new UsageException($"--expect-head must look like 1234:<64 hex digits> (got '{text}')");
            }
            using var session = g.OpenToRead(p, ctx);
            var total = session.Store.Head.Seq;
            IProgress<long>? progress = ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected && total > 50_000
                ? new Progress<long>(n => ctx.Error.Write($"\rverified {n:N0} of {total:N0} entries"))
                : null;
            var result = LedgerVerifier.Verify(session.Store.Entries(), anchor, progress);
            if (progress is not null)
            {
                ctx.Error.WriteLine();
            }
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                var w = s.Writer;
                w.WriteStartObject();
                w.WriteBoolean("ok", result.Ok);
                w.WriteNumber("entries", result.EntriesChecked);
                w.WriteString("head", result.Head.ToString());
                if (result.FirstBadSeq is { } bad)
                {
                    w.WriteNumber("firstBadSeq", bad);
                    w.WriteString("problem", result.Problem);
                }
                w.WriteEndObject();
            }
            else if (result.Ok)
            {
                ctx.Out.WriteLine($"ledger intact: {result.EntriesChecked} entries, head {result.Head}");
            }
            if (!result.Ok)
            {
                throw new CheckFailedException(
                    $"LEDGER TAMPERED: {result.Problem}. The {result.EntriesChecked} entries before it are intact (last good {result.Head}). " +
                    "Do not add records; report this to the township with this message.");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command BuildAnchor(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("anchor", "print the ledger head SEQ:HASH to write into the monthly report");
        cmd.SetAction(p =>
        {
            using var session = g.OpenToRead(p, ctx);
            var head = session.Store.Head;
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                s.Writer.WriteStartObject();
                s.Writer.WriteNumber("seq", head.Seq);
                s.Writer.WriteString("hash", head.Hash);
                s.Writer.WriteString("anchor", head.ToString());
                s.Writer.WriteEndObject();
            }
            else
            {
                ctx.Out.WriteLine(head.ToString());
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
