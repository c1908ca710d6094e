using System.CommandLine;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation records …`: add, list, show, transition, amend, void, export, verify, anchor, seed-demo. While the
/// service runs on the same data dir, the writes (add, transition, amend, void) go through it (<see cref="ServiceClient"/>).
/// </summary>
public static class RecordsCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var records = new Command("records", "the village's records ledger: disputes, petitions, cases, lawsuits, cult incidents, grid events");
        records.Subcommands.Add(BuildAdd(g, ctx));
        records.Subcommands.Add(BuildList(g, ctx));
        records.Subcommands.Add(BuildShow(g, ctx));
        records.Subcommands.Add(BuildTransition(g, ctx));
        records.Subcommands.Add(BuildAmend(g, ctx));
        records.Subcommands.Add(BuildVoid(g, ctx));
        records.Subcommands.Add(ExportCommand.Build(g, ctx));
        records.Subcommands.Add(LedgerCommands.BuildVerify(g, ctx));
        records.Subcommands.Add(LedgerCommands.BuildAnchor(g, ctx));
        records.Subcommands.Add(RebuildCommand.Build(g, ctx));
        records.Subcommands.Add(SeedDemoCommand.Build(g, ctx));
        return records;
    }

    /// <summary>The field options of a record type; help shows the default categories (station.json may change them).</summary>
    private static List<(FieldSpec Spec, Option<string?> Option)> FieldOptions(IEnumerable<FieldSpec> specs)
    {
        var list = new List<(FieldSpec, Option<string?>)>();
        foreach (var spec in specs)
        {
            var description = spec.Choices.Count > 0 ? $"{spec.Description}: {string.Join("|", spec.Choices)}" : spec.Description;
            list.Add((spec, new Option<string?>(spec.Option) { Description = (spec.Required ? "(required) " : "") + description, HelpName = "VALUE" }));
        }
        return list;
    }

    private static Dictionary<string, string> RawFields(ParseResult p, IEnumerable<(FieldSpec Spec, Option<string?> Option)> options)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spec, option) in options)
        {
            if (p.GetValue(option) is { } value)
            {
                raw[spec.Key] = value;
            }
        }
        return raw;
    }

    private static Command BuildAdd(GlobalOptions g, CliContext ctx)
    {
        var add = new Command("add", "record something new; prints the new record's id alone");
        var schemas = new RecordSchemas(new StationSettings());
        foreach (var type in RecordTypeNames.All)
        {
            var schema = schemas[type];
            var cmd = new Command(RecordTypeNames.Name(type), $"add a {RecordTypeNames.Name(type)}");
            var options = FieldOptions(schema.InputFields);
            options.ForEach(o => cmd.Options.Add(o.Option));
            cmd.SetAction(p =>
            {
                if (g.RunningService(p, ctx) is { } running)
                {
                    using (running)
                    {
                        WriteSent(ctx, g, p, running.Add(type, RawFields(p, options), g.ResolveActor(p, ctx)), idOnly: true);
                    }
                    return ExitCodes.Ok;
                }
                using var session = g.Open(p, ctx, mustExist: false);
                var result = session.Service.Add(type, RawFields(p, options), g.ResolveActor(p, ctx));
                if (p.GetValue(g.Json))
                {
                    using var s = new RecordJson.Stream(ctx.Out);
                    RecordJson.WriteRecord(s.Writer, result.Record!);
                }
                else
                {
                    ctx.Out.WriteLine(result.Record!.Id);
                }
                return ExitCodes.Ok;
            });
            add.Subcommands.Add(cmd);
        }
        return add;
    }

    private static Command BuildList(GlobalOptions g, CliContext ctx)
    {
        var type = new Option<string?>("--type") { Description = $"only this type: {RecordTypeNames.AllNames}", HelpName = "TYPE" };
        var status = new Option<string?>("--status") { Description = "only records in this status", HelpName = "STATUS" };
        var includeVoided = new Option<bool>("--include-voided") { Description = "also list voided records" };
        var cmd = new Command("list", "list records (streams; safe on 100,000 records)") { type, status, includeVoided };
        cmd.SetAction(p =>
        {
            var filter = ParseType(p.GetValue(type));
            var wantStatus = p.GetValue(status);
            using var session = g.OpenToRead(p, ctx);
            var rows = session.Store.Records(filter)
                .Where(r => (p.GetValue(includeVoided) || !r.Voided) && (wantStatus is null || r.Status == wantStatus));
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                s.Writer.WriteStartArray();
                foreach (var r in rows)
                {
                    RecordJson.WriteRecord(s.Writer, r);
                    s.FlushIfLarge();
                }
                s.Writer.WriteEndArray();
            }
            else
            {
                RecordText.WriteTable(ctx.Out, rows, session.Service.Commands.Time);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildShow(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "record id, e.g. DS-2026-0001" };
        var cmd = new Command("show", "one record with its full history and what can be done next") { id };
        cmd.SetAction(p =>
        {
            using var session = g.OpenToRead(p, ctx);
            var record = session.Service.Get(p.GetValue(id)!);
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                RecordJson.WriteRecord(s.Writer, record);
            }
            else
            {
                RecordText.WriteDetail(ctx.Out, record, session.Store.History(record.Id), session.Service);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildTransition(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "record id" };
        var action = new Argument<string>("ACTION")
        {
            Description = "dispute: assess, assign, mediate, resolve, escalate, close-unresolved, follow-up; " +
                "petition: accept, decline, extend, complete, rate, escalate; case/lawsuit/grid-event: close; cult: handle",
        };
        var note = new Option<string?>("--note") { Description = "what happened (kept in the ledger)", HelpName = "TEXT" };
        var risk = new Option<string?>("--risk") { Description = "assess: red|yellow|green", HelpName = "COLOUR" };
        var to = new Option<string?>("--to") { Description = "assign: who handles it", HelpName = "NAME" };
        var days = new Option<string?>("--days") { Description = "extend: days (at most 30)", HelpName = "N" };
        var reason = new Option<string?>("--reason") { Description = "extend: why (情况复杂; told to the petitioner)", HelpName = "TEXT" };
        var approvedBy = new Option<string?>("--approved-by") { Description = "extend: the head of the unit who approved it (信访工作条例 第三十四条)", HelpName = "NAME" };
        var satisfaction = new Option<string?>("--satisfaction") { Description = "complete/rate: satisfied|basically-satisfied|dissatisfied", HelpName = "VALUE" };
        var level = new Option<string?>("--level") { Description = "escalate (petition): township|county|city|province|national", HelpName = "LEVEL" };
        var at = new Option<string?>("--at")
        {
            Description = "when the step happened, station local time, if you record it later (default: now); not before the record came in or the step before it",
            HelpName = "YYYY-MM-DD[THH:MM]",
        };
        var cmd = new Command("transition", "move a record along its workflow") { id, action, note, risk, to, days, reason, approvedBy, satisfaction, level, at };
        cmd.SetAction(p =>
        {
            var input = new TransitionInput
            {
                Note = p.GetValue(note),
                Risk = p.GetValue(risk),
                AssignedTo = p.GetValue(to),
                Days = p.GetValue(days),
                Reason = p.GetValue(reason),
                ApprovedBy = p.GetValue(approvedBy),
                Satisfaction = p.GetValue(satisfaction),
                Level = p.GetValue(level),
                At = p.GetValue(at),
            };
            if (g.RunningService(p, ctx) is { } running)
            {
                using (running)
                {
                    WriteSent(ctx, g, p, running.Transition(p.GetValue(id)!, p.GetValue(action)!, input, g.ResolveActor(p, ctx)), idOnly: false);
                }
                return ExitCodes.Ok;
            }
            using var session = g.Open(p, ctx, mustExist: true);
            var result = session.Service.Transition(p.GetValue(id)!, p.GetValue(action)!, input, g.ResolveActor(p, ctx));
            WriteChanged(ctx, g, p, result.Record!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildAmend(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "record id" };
        var reason = new Option<string?>("--reason") { Description = "(required) why the correction, kept in the ledger", HelpName = "TEXT" };
        var cmd = new Command("amend", "correct fields of a record (a new ledger entry; the original stays)") { id, reason };
        // The union of every type's fields; the domain says which belong to the record's type.
        var schemas = new RecordSchemas(new StationSettings());
        var specs = RecordTypeNames.All.SelectMany(t => schemas[t].InputFields).DistinctBy(f => f.Option).ToList();
        var options = FieldOptions(specs);
        options.ForEach(o => cmd.Options.Add(o.Option));
        cmd.SetAction(p =>
        {
            if (g.RunningService(p, ctx) is { } running)
            {
                using (running)
                {
                    WriteSent(ctx, g, p, running.Amend(p.GetValue(id)!, RawFields(p, options), p.GetValue(reason), g.ResolveActor(p, ctx)), idOnly: false);
                }
                return ExitCodes.Ok;
            }
            using var session = g.Open(p, ctx, mustExist: true);
            var result = session.Service.Amend(p.GetValue(id)!, RawFields(p, options), p.GetValue(reason), g.ResolveActor(p, ctx));
            WriteChanged(ctx, g, p, result.Record!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildVoid(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "record id" };
        var reason = new Option<string?>("--reason") { Description = "(required) why it is void (entered in error, duplicate …)", HelpName = "TEXT" };
        var cmd = new Command("void", "void a record entered in error (a new ledger entry; nothing is deleted)") { id, reason };
        cmd.SetAction(p =>
        {
            if (g.RunningService(p, ctx) is { } running)
            {
                using (running)
                {
                    WriteSent(ctx, g, p, running.Void(p.GetValue(id)!, p.GetValue(reason), g.ResolveActor(p, ctx)), idOnly: false);
                }
                return ExitCodes.Ok;
            }
            using var session = g.Open(p, ctx, mustExist: true);
            var result = session.Service.Void(p.GetValue(id)!, p.GetValue(reason), g.ResolveActor(p, ctx));
            WriteChanged(ctx, g, p, result.Record!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void WriteChanged(CliContext ctx, GlobalOptions g, ParseResult p, RecordSnapshot record)
    {
        if (p.GetValue(g.Json))
        {
            using var s = new RecordJson.Stream(ctx.Out);
            RecordJson.WriteRecord(s.Writer, record);
        }
        else
        {
            ctx.Out.WriteLine($"{record.Id} {(record.Voided ? "voided" : record.Status)}");
        }
    }

    /// <summary>What <see cref="WriteChanged"/> (or, for add, the bare id) prints, from the running service's answer.</summary>
    private static void WriteSent(CliContext ctx, GlobalOptions g, ParseResult p, ServiceWrite sent, bool idOnly)
    {
        if (p.GetValue(g.Json))
        {
            // The service writes records with the same writer and options as RecordJson.Stream: byte for byte the same.
            ctx.Out.WriteLine(sent.Json);
        }
        else
        {
            ctx.Out.WriteLine(idOnly ? sent.Id : $"{sent.Id} {(sent.Voided ? "voided" : sent.Status)}");
        }
    }

    public static RecordType? ParseType(string? name)
    {
        if (name is null)
        {
            return null;
        }
        return RecordTypeNames.TryParse(name, out var t)
            ? t
            : throw new UsageException($"unknown record type '{name}'; types: {RecordTypeNames.AllNames}");
    }
}
