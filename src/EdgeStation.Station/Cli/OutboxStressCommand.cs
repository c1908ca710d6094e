using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EdgeStation.Storage.Outbox;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation diag outbox-stress`: fills a fresh sync outbox one durable enqueue at a time, printing each acknowledged
/// seq; the kill -9 test reads them and checks every one survived. Payloads are derived from the seq, so the checker can
/// tell a torn entry from a whole one.
/// </summary>
public static class OutboxStressCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var count = new Option<int>("--count") { Description = "how many entries", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var stress = new Command("outbox-stress", "enqueue test envelopes into the sync outbox, printing each acknowledged seq. Only on a data dir without an outbox.") { count };
        stress.SetAction(p =>
        {
            var n = p.GetValue(count);
            if (n < 1)
            {
                throw new UsageException($"--count must be at least 1 (got {n})");
            }
            var dataDir = g.ResolveDataDir(p, ctx);
            if (File.Exists(Path.Combine(dataDir, OutboxStore.FileName)))
            {
                throw new UsageException($"{dataDir} already has a sync outbox; outbox-stress writes test envelopes, so run it on an empty --data-dir");
            }
            GlobalOptions.SecureDataDir(dataDir, ctx);
            using var outbox = OutboxStore.Open(dataDir, time: ctx.Time);
            for (var i = 1; i <= n; i++)
            {
                var kind = i % 3 == 0 ? OutboxKind.Health : OutboxKind.LedgerDigests;
                var result = outbox.Enqueue(kind, Payload(i), new ProducerCursor("stress", i));
                ctx.Out.WriteLine(result.Seq.ToString(CultureInfo.InvariantCulture));
                ctx.Out.Flush(); // the parent of a crash test reads each acknowledgement as it happens
            }
            return ExitCodes.Ok;
        });
        return stress;
    }

    /// <summary>200 bytes that only entry <paramref name="seq"/> has.</summary>
    public static byte[] Payload(long seq)
    {
        var block = SHA256.HashData(Encoding.ASCII.GetBytes("outbox-stress:" + seq.ToString(CultureInfo.InvariantCulture)));
        var payload = new byte[200];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = block[i % block.Length];
        }
        return payload;
    }
}
