using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Output;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `records export`: JSON (the ledger chain, the export's only content, re-verifiable with docs/ledger.md) or CSV
/// (the records' current state, for spreadsheets). --redact drops personal fields from CSV, and in JSON the
/// entries' content, keeping digests and hashes.
/// </summary>
public static class ExportCommand
{
    public const string OutputOption = "--output";

    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("json", "csv");
        var redact = new Option<bool>("--redact") { Description = "drop personal fields (names, phone, ID number, free text)" };
        var output = new Option<string?>(OutputOption) { Description = "write to FILE instead of standard output", HelpName = "FILE" };
        var cmd = new Command("export", "export all records") { format, redact, output };
        cmd.SetAction(p =>
        {
            using var session = g.OpenToRead(p, ctx);
            var schemas = session.Service.Commands.Schemas;
            var personal = RecordTypeNames.All.SelectMany(t => schemas[t].PersonalKeys).ToHashSet(StringComparer.Ordinal);
            var omit = p.GetValue(redact) ? personal : null;
            void Write(TextWriter target)
            {
                if (p.GetValue(format) == "csv")
                {
                    WriteCsv(target, session.Store, schemas, omit);
                }
                else
                {
                    WriteJson(target, session, omit);
                }
            }
            if (p.GetValue(output) is { } path)
            {
                WriteFile(path, ctx, Write);
            }
            else
            {
                Write(ctx.Out);
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Writes <paramref name="path"/> whole or not at all (a .partial file renamed at the end).</summary>
    public static void WriteFile(string path, CliContext ctx, Action<TextWriter> write)
    {
        var temp = path + ".partial";
        try
        {
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                write(writer);
            }
            File.Move(temp, path, overwrite: true);
            ctx.Error.WriteLine($"exported to {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
            throw new Storage.StorageEnvironmentException($"cannot write the export: {ex.Message}", ex);
        }
    }

    private static void WriteJson(TextWriter target, StationSession session, IReadOnlySet<string>? omit)
    {
        using var s = new RecordJson.Stream(target);
        var w = s.Writer;
        w.WriteStartObject();
        if (session.Store.Station() is { } station)
        {
            w.WriteStartObject("station");
            w.WriteString("village", station.Village);
            w.WriteString("startDate", station.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("timeZone", station.TimeZone);
            w.WriteEndObject();
        }
        w.WriteString("head", session.Store.Head.ToString());
        w.WriteBoolean("redacted", omit is not null);
        // No records section: the records' state is derived from the ledger, and a derived copy beside it
        // could be edited without any check noticing (docs/ledger.md, "The export").
        w.WriteStartArray("ledger");
        foreach (var e in session.Store.Entries())
        {
            RecordJson.WriteEntry(w, e, withContent: omit is null);
            s.FlushIfLarge();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCsv(TextWriter o, LedgerStore store, RecordSchemas schemas, IReadOnlySet<string>? omit)
    {
        string[] fixedColumns = ["id", "type", "status", "voided"];
        var fieldColumns = RecordTypeNames.All.SelectMany(t => schemas[t].Fields.Select(f => f.Key))
            .Distinct(StringComparer.Ordinal)
            .Where(k => omit?.Contains(k) != true)
            .ToList();
        o.WriteLine(string.Join(',', fixedColumns.Concat(fieldColumns).Select(Csv)));
        foreach (var r in store.Records())
        {
            var cells = new List<string> { r.Id, RecordTypeNames.Name(r.Type), r.Status, r.Voided ? "true" : "false" };
            cells.AddRange(fieldColumns.Select(k => r.Fields.TryGetValue(k, out var v) ? v.ToString() : ""));
            o.WriteLine(string.Join(',', cells.Select(Csv)));
        }
    }

    /// <summary>RFC 4180 quoting; a leading =,+,-,@ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '@' || (value.StartsWith('-') && !long.TryParse(value, out _)))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
