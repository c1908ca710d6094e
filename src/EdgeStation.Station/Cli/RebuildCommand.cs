using System.CommandLine;
using EdgeStation.Storage;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Verification;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation records rebuild`: re-derives the stored records, accounts and id counters from the ledger when they
/// disagree with it (an edit with another tool, a damaged page), after proving the chain itself. The station refuses
/// to open such a state until this has run; the rebuild is itself a ledger entry (who, when, how much differed).
/// </summary>
public static class RebuildCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "only list what differs; change nothing" };
        var cmd = new Command("rebuild", "re-derive the stored records, accounts and id counters from the ledger (service stopped; the chain must verify); logged in the ledger") { dryRun };
        cmd.SetAction(p =>
        {
            if (g.RunningService(p, ctx) is not null)
            {
                throw new StorageEnvironmentException(
                    "the station service is running on this data dir: stop it first (systemctl stop edgestation), then run 'edgestation records rebuild' again");
            }
            using var session = g.OpenToRebuild(p, ctx);
            var store = session.Store;
            var derived = new DerivedState();
            var chain = LedgerVerifier.Verify(store.Entries().Select(e =>
            {
                derived.Apply(e);
                return e;
            }));
            if (!chain.Ok)
            {
                throw new CheckFailedException(
                    $"LEDGER TAMPERED: {chain.Problem}. A rebuild derives the state from the chain, and this chain does not verify: nothing was changed. " +
                    "Restore station.db from the last backup that verifies and report this to the township with this message.");
            }
            if (derived.Problems.Count > 0)
            {
                throw new CheckFailedException($"the ledger's history cannot be folded into records ({derived.Problems[0]}): nothing was changed");
            }
            var differences = DerivedStateVerifier.Compare(store, derived);
            if (differences.Count == 0 && store.StateProblem is null)
            {
                ctx.Out.WriteLine($"nothing to rebuild: the stored state matches the ledger ({derived.Records.Count} records, {derived.Accounts.Count} accounts, {derived.Counters.Count} id counters, head {chain.Head})");
                return ExitCodes.Ok;
            }
            ctx.Out.WriteLine($"the chain verifies ({chain.EntriesChecked} entries, head {chain.Head}); what is stored differs from what it implies:");
            if (store.StateProblem is { } problem)
            {
                ctx.Out.WriteLine($"  {problem}");
            }
            const int Shown = 20;
            foreach (var d in differences.Take(Shown))
            {
                ctx.Out.WriteLine($"  {d}");
            }
            if (differences.Count > Shown)
            {
                ctx.Out.WriteLine($"  … and {differences.Count - Shown} more");
            }
            if (p.GetValue(dryRun))
            {
                ctx.Out.WriteLine("dry run: nothing was changed");
                return ExitCodes.Ok;
            }
            var result = store.RebuildStateAsync(g.ResolveActor(p, ctx), ctx.Time.GetUtcNow()).GetAwaiter().GetResult()!;
            ctx.Out.WriteLine(
                $"rebuilt from the ledger: {derived.Records.Count} records, {derived.Accounts.Count} accounts, {derived.Counters.Count} id counters; " +
                $"logged as ledger entry #{result.Entry.Seq} by {result.Event.Actor}");
            foreach (var account in new UserStore(store).All().Where(a => a.PasswordHash.Length == 0))
            {
                ctx.Out.WriteLine($"account '{account.Name}' was missing and is back without a password (the ledger keeps none): set one with 'edgestation users passwd {account.Name}'");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
