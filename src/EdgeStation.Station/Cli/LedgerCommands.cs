using System.CommandLine;
using EdgeStation.Station.Output;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Verification;

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
        var cmd = new Command("verify", "walk the hash chain and re-derive every record, account and id counter from it; exit 1 naming the first bad entry, or each record/account and field whose stored state differs") { expect };
        cmd.SetAction(p =>
        {
            LedgerHead? anchor = null;
            if (p.GetValue(expect) is { } text)
            {
                anchor = LedgerHead.TryParse(text, out var h)
                    ? h
                    : throw new UsageException($"--expect-head must look like 1234:<64 hex digits> (got '{text}')");
            }
            using var session = g.OpenToRead(p, ctx, StateCheck.Report);
            var total = session.Store.Head.Seq;
            IProgress<long>? progress = ReferenceEquals(ctx.Error, Console.Error) && !Console.IsErrorRedirected && total > 50_000
                ? new Progress<long>(n => ctx.Error.Write($"\rverified {n:N0} of {total:N0} entries"))
                : null;
            // One pass: the chain is walked and, entry by entry, folded into the state the ledger implies.
            var derived = new DerivedState();
            var result = LedgerVerifier.Verify(session.Store.Entries().Select(e =>
            {
                derived.Apply(e);
                return e;
            }), anchor, progress);
            if (progress is not null)
            {
                ctx.Error.WriteLine();
            }
            // What people read is checked only against a chain that holds: otherwise the chain is the news.
            var differences = result.Ok ? DerivedStateVerifier.Compare(session.Store, derived) : [];
            if (result.Ok && differences.Count == 0 && session.Store.StateProblem is { } problem)
            {
                // Every stored value is the ledger's, but the digest beside the head is not the writer's: the digest itself was hit.
                differences.Add(new StateDifference("state digest", "digest", problem + "; every stored record, account and counter matches the ledger, so 'edgestation records rebuild' only writes a new digest"));
            }
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                var w = s.Writer;
                w.WriteStartObject();
                w.WriteBoolean("ok", result.Ok && differences.Count == 0);
                w.WriteNumber("entries", result.EntriesChecked);
                w.WriteString("head", result.Head.ToString());
                if (result.FirstBadSeq is { } bad)
                {
                    w.WriteNumber("firstBadSeq", bad);
                    w.WriteString("problem", result.Problem);
                }
                w.WriteStartArray("stateDifferences");
                foreach (var d in differences)
                {
                    w.WriteStartObject();
                    w.WriteString("subject", d.Subject);
                    w.WriteString("field", d.Field);
                    w.WriteString("detail", d.Detail);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else if (result.Ok && differences.Count == 0)
            {
                ctx.Out.WriteLine($"ledger intact: {result.EntriesChecked} entries, head {result.Head}");
                ctx.Out.WriteLine($"stored state matches the ledger: {derived.Records.Count} records, {derived.Accounts.Count} accounts, {derived.Counters.Count} id counters");
            }
            if (!result.Ok)
            {
                throw new CheckFailedException(
                    $"LEDGER TAMPERED: {result.Problem}. The {result.EntriesChecked} entries before it are intact (last good {result.Head}). " +
                    "Do not add records; report this to the township with this message.");
            }
            if (differences.Count > 0)
            {
                const int Shown = 20;
                var lines = string.Join('\n', differences.Take(Shown).Select(d => "  " + d));
                var more = differences.Count > Shown ? $"\n  … and {differences.Count - Shown} more" : "";
                throw new CheckFailedException(
                    $"STORED STATE DIFFERS FROM THE LEDGER (the chain itself is intact, {result.EntriesChecked} entries): what records show/list, " +
                    $"the indicators or the accounts read is not what the ledger says:\n{lines}{more}\n" +
                    "Do not add records. Keep a copy of the data dir, then, with the service stopped, run 'edgestation records rebuild': it re-derives the stored state from the ledger " +
                    "and logs that it did. Report this to the township with this message.");
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
            // The head is the chain's alone: it is printed even when the stored state disagrees with the ledger.
            using var session = g.OpenToRead(p, ctx, StateCheck.Report);
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
