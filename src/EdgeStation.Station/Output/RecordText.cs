using System.Globalization;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Output;

/// <summary>Human-readable record output for the terminal.</summary>
public static class RecordText
{
    public static void WriteTable(TextWriter o, IEnumerable<RecordSnapshot> rows, StationTime time)
    {
        o.WriteLine($"{"ID",-13} {"TYPE",-10} {"STATUS",-17} {"RISK",-6} {"REPORTED",-10} {"GRID",-10} SUMMARY");
        var n = 0;
        foreach (var r in rows)
        {
            var summary = r.Text(FieldKeys.Summary) ?? "";
            if (summary.Length > 40)
            {
                summary = summary[..39] + "…";
            }
            var status = r.Voided ? "(voided)" : r.Status;
            o.WriteLine($"{r.Id,-13} {RecordTypeNames.Name(r.Type),-10} {status,-17} {r.Text(FieldKeys.Risk) ?? "-",-6} {time.LocalDate(r.ReportedAt):yyyy-MM-dd} {r.Text(FieldKeys.Grid),-10} {summary.ReplaceLineEndings(" ")}");
            n++;
        }
        o.WriteLine($"({n} records)");
    }

    public static void WriteDetail(TextWriter o, RecordSnapshot r, IEnumerable<(LedgerEntry Entry, RecordEvent Event)> history, RecordService service)
    {
        var time = service.Commands.Time;
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, time.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        o.WriteLine($"{r.Id}  {RecordTypeNames.Name(r.Type)}  {(r.Voided ? $"VOIDED ({r.VoidReason})" : r.Status)}");
        foreach (var (k, v) in r.Fields)
        {
            if (k == FieldKeys.Status)
            {
                continue;
            }
            var shown = k is FieldKeys.OccurredAt or FieldKeys.ReportedAt or FieldKeys.ReceivedAt
                ? Local(r.Instant(k)!.Value)
                : v.ToString();
            o.WriteLine($"  {k,-16} {shown}");
        }
        var today = service.Today();
        foreach (var (name, deadline) in service.Calculator.Deadlines.All(r, today).Select(d => (d.Name, d.Status)))
        {
            var state = deadline.IsMet
                ? (deadline.MetOnTime ? "met on time" : "met late")
                : deadline.IsOverdue(today) ? $"OVERDUE by {-deadline.DaysLeft(today)} days" : $"{deadline.DaysLeft(today)} days left";
            o.WriteLine($"  deadline {name,-10} {deadline.Due:yyyy-MM-dd}  {state}");
        }
        o.WriteLine("history:");
        foreach (var (entry, e) in history)
        {
            var changes = string.Join(", ", e.Fields.Where(f => (f.Key != FieldKeys.Status || e.Action != RecordEvent.Create) && f.Key != FieldKeys.EffectiveAt).Select(f => $"{f.Key}={f.Value}"));
            // A step recorded after the fact: when it happened, beside when it was recorded.
            var happened = e.Fields.ContainsKey(FieldKeys.EffectiveAt) ? $"  happened {Local(RecordProjector.EffectiveAt(e))}" : "";
            var note = e.Note is null ? "" : $"  \"{e.Note}\"";
            o.WriteLine($"  #{entry.Seq,-6} {Local(e.At)}  {e.Actor,-14} {e.Action,-16} {changes}{happened}{note}");
        }
        if (!r.Voided)
        {
            var next = string.Join(", ", Domain.Workflows.Workflows.For(r.Type).AllowedFrom(r.Status).Select(a => a.Name));
            o.WriteLine($"next: {(next.Length == 0 ? "(finished)" : next)}; or amend, void");
        }
    }
}
