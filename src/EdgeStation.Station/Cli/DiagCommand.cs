using System.CommandLine;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Cli;

/// <summary>`edgestation diag …`: engineers' checks on site.</summary>
public static class DiagCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var diag = new Command("diag", "diagnostics for field engineers");
        var count = new Option<int>("--count") { Description = "how many entries", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var stress = new Command("ledger-stress",
            "append test grid events one durable commit at a time, printing each acknowledged SEQ:HASH; checks the storage medium. Only on an EMPTY data dir.")
        { count };
        stress.SetAction(p =>
        {
            var n = p.GetValue(count);
            if (n < 1)
            {
                throw new UsageException($"--count must be at least 1 (got {n})");
            }
            using var session = g.Open(p, ctx, mustExist: false);
            if (session.Store.Head.Seq > 0)
            {
                throw new UsageException($"{session.Store.DataDir} already holds records; ledger-stress writes test records, so run it on an empty --data-dir");
            }
            var raw = new Dictionary<string, string> { [FieldKeys.Category] = "other", [FieldKeys.Summary] = "ledger-stress test entry" };
            for (var i = 0; i < n; i++)
            {
                var result = session.Service.Add(RecordType.GridEvent, raw, "diag");
                ctx.Out.WriteLine($"{result.Entry.Seq}:{result.Entry.Hash}");
                ctx.Out.Flush(); // the parent of a crash test reads each acknowledgement as it happens
            }
            return ExitCodes.Ok;
        });
        diag.Subcommands.Add(stress);
        diag.Subcommands.Add(OutboxStressCommand.Build(g, ctx));
        return diag;
    }
}
