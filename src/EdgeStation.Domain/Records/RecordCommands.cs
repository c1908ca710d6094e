using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Records;

/// <summary>
/// Validates what a person asked for and turns it into the ledger event to append. Pure: it reads the
/// record's current state and the clock it is given, and throws <see cref="RecordInputException"/> on bad input.
/// </summary>
public sealed class RecordCommands(StationSettings settings)
{
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(10);

    public StationSettings Settings { get; } = settings;
    public RecordSchemas Schemas { get; } = new(settings);
    public StationTime Time { get; } = new(settings.TimeZone);

    public RecordEvent Create(RecordType type, string recordId, IReadOnlyDictionary<string, string> raw, string actor, DateTimeOffset now, Func<string, RecordSnapshot?> lookup)
    {
        var schema = Schemas[type];
        var fields = ParseInputs(schema, raw, lookup);
        foreach (var spec in schema.Fields.Where(f => f.Required && !fields.ContainsKey(f.Key)))
        {
            var choices = spec.Choices.Count > 0 ? $" (one of {string.Join(", ", spec.Choices)})" : "";
            throw new RecordInputException($"a {RecordTypeNames.Name(type)} needs {spec.Option}{choices}");
        }
        fields.TryAdd(FieldKeys.Grid, FieldValue.Of(Settings.DefaultGrid));
        fields.TryAdd(FieldKeys.ReportedAt, FieldValue.Of(FieldParser.FormatInstant(now)));
        fields.TryAdd(FieldKeys.OccurredAt, fields[FieldKeys.ReportedAt]);
        switch (type)
        {
            case RecordType.Petition:
                fields.TryAdd(FieldKeys.Level, FieldValue.Of("village"));
                fields.TryAdd(FieldKeys.Matter, FieldValue.Of(Deadlines.PetitionMatter.Default));
                fields.TryAdd(FieldKeys.ReceivedAt, fields[FieldKeys.ReportedAt]);
                break;
            case RecordType.Lawsuit:
                fields.TryAdd(FieldKeys.Kind, FieldValue.Of("civil"));
                break;
        }
        CheckTimes(fields, now);
        fields[FieldKeys.Status] = FieldValue.Of(Workflows.Workflows.For(type).Initial);
        return new RecordEvent
        {
            Type = RecordTypeNames.Name(type),
            RecordId = recordId,
            Action = RecordEvent.Create,
            Actor = FreeText.Actor(actor),
            At = RecordEvent.Truncate(now),
            Fields = fields,
        };
    }

    /// <param name="stationStart">The day record keeping started: no step is dated before it.</param>
    public RecordEvent Transition(RecordSnapshot record, string action, TransitionInput input, string actor, DateTimeOffset now, DateOnly? stationStart = null)
    {
        EnsureNotVoided(record);
        var workflow = Workflows.Workflows.For(record.Type);
        var allowed = string.Join(", ", workflow.AllowedFrom(record.Status).Select(a => a.Name));
        var allowedText = allowed.Length == 0 ? "none (it is finished)" : allowed;
        var step = workflow.Find(action)
            ?? throw new RecordInputException($"'{action}' is not an action for a {RecordTypeNames.Name(record.Type)}; allowed now: {allowedText}");
        if (!step.From.Contains(record.Status))
        {
            throw new IllegalTransitionException($"cannot '{action}' {record.Id}: it is '{record.Status}'; allowed now: {allowedText}");
        }
        var fields = step.Fields(new TransitionContext(record, input, Settings, Schemas[record.Type], Time));
        if (step.To is not null)
        {
            fields[FieldKeys.Status] = FieldValue.Of(step.To);
        }
        if (EffectiveTime(record, input.At, now, stationStart) is { } happened)
        {
            fields[FieldKeys.EffectiveAt] = FieldValue.Of(FieldParser.FormatInstant(happened));
        }
        return new RecordEvent
        {
            Type = RecordTypeNames.Name(record.Type),
            RecordId = record.Id,
            Action = action,
            Actor = FreeText.Actor(actor),
            At = RecordEvent.Truncate(now),
            Fields = fields,
            Note = FreeText.Note("--note", input.Note),
            RefSeq = record.CreatedSeq,
        };
    }

    public RecordEvent Amend(RecordSnapshot record, IReadOnlyDictionary<string, string> raw, string? reason, string actor, DateTimeOffset now, Func<string, RecordSnapshot?> lookup)
    {
        EnsureNotVoided(record);
        var why = FreeText.Note("--reason", reason) ?? throw new RecordInputException("an amendment needs --reason (it is kept in the ledger)");
        var schema = Schemas[record.Type];
        var fields = ParseInputs(schema, raw, lookup);
        foreach (var key in fields.Keys.ToList())
        {
            if (record.Fields.TryGetValue(key, out var old) && old == fields[key])
            {
                fields.Remove(key);
            }
        }
        if (fields.Count == 0)
        {
            throw new RecordInputException($"nothing to amend: give at least one field that differs from {record.Id}'s current value");
        }
        var merged = new SortedDictionary<string, FieldValue>(record.Fields, StringComparer.Ordinal);
        foreach (var (k, v) in fields)
        {
            merged[k] = v;
        }
        CheckTimes(merged, now);
        return new RecordEvent
        {
            Type = RecordTypeNames.Name(record.Type),
            RecordId = record.Id,
            Action = RecordEvent.Amend,
            Actor = FreeText.Actor(actor),
            At = RecordEvent.Truncate(now),
            Fields = fields,
            Note = why,
            RefSeq = record.CreatedSeq,
        };
    }

    public RecordEvent Void(RecordSnapshot record, string? reason, string actor, DateTimeOffset now)
    {
        EnsureNotVoided(record);
        var why = FreeText.Note("--reason", reason) ?? throw new RecordInputException("voiding needs --reason (it is kept in the ledger)");
        return new RecordEvent
        {
            Type = RecordTypeNames.Name(record.Type),
            RecordId = record.Id,
            Action = RecordEvent.Void,
            Actor = FreeText.Actor(actor),
            At = RecordEvent.Truncate(now),
            Note = why,
            RefSeq = record.CreatedSeq,
        };
    }

    private SortedDictionary<string, FieldValue> ParseInputs(RecordSchema schema, IReadOnlyDictionary<string, string> raw, Func<string, RecordSnapshot?> lookup)
    {
        var fields = new SortedDictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            var spec = schema.Find(key);
            if (spec is null || schema.TransitionOnly.Contains(key))
            {
                var known = string.Join(", ", schema.InputFields.Select(f => f.Option));
                throw new RecordInputException($"a {RecordTypeNames.Name(schema.Type)} has no field '{key}'; fields: {known}");
            }
            var parsed = FieldParser.Parse(spec, value, Time);
            if (spec.Kind == FieldKind.RecordRef)
            {
                var target = lookup(parsed.Text!);
                if (target is null || target.Type != spec.RefType)
                {
                    throw new RecordInputException($"{spec.Option} {parsed.Text}: no {RecordTypeNames.Name(spec.RefType!.Value)} with that id");
                }
            }
            fields[key] = parsed;
        }
        return fields;
    }

    private void CheckTimes(SortedDictionary<string, FieldValue> fields, DateTimeOffset now)
    {
        DateTimeOffset? Get(string key) => fields.TryGetValue(key, out var v)
            ? FieldParser.ParseInstant(key, v.Text!, Time)
            : null;
        var reported = Get(FieldKeys.ReportedAt);
        var occurred = Get(FieldKeys.OccurredAt);
        var received = Get(FieldKeys.ReceivedAt);
        foreach (var (name, at) in new[] { ("--reported-at", reported), ("--occurred-at", occurred), ("--received-at", received) })
        {
            if (at > now + ClockSkewAllowance)
            {
                throw new RecordInputException($"{name} {Time.LocalDate(at.Value):yyyy-MM-dd} is in the future");
            }
        }
        if (occurred > reported)
        {
            throw new RecordInputException("--occurred-at is after --reported-at; something is reported after it happens");
        }
    }

    /// <summary>
    /// When a step recorded late really happened (--at, local YYYY-MM-DD[THH:mm]), or null for "now". A bare date is
    /// checked by the day (its time is unknown): not in the future, not before the station's start, not before the
    /// record came in (its receipt for a petition, else its report) nor before the step before it.
    /// </summary>
    private DateTimeOffset? EffectiveTime(RecordSnapshot record, string? raw, DateTimeOffset now, DateOnly? stationStart)
    {
        if (raw is null)
        {
            return null;
        }
        var text = raw.Trim();
        if (text.Length == 0)
        {
            throw new RecordInputException("--at is empty; give the day the step happened (YYYY-MM-DD[THH:mm]) or leave it out");
        }
        var at = FieldParser.ParseInstant("--at", text, Time);
        var dayOnly = text.Length == 10;
        var day = Time.LocalDate(at);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Time.Zone).ToString(dayOnly ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        // A typed time has minutes only: a bound within the same minute is not "before".
        bool Before(DateTimeOffset bound) => dayOnly
            ? day < Time.LocalDate(bound)
            : at.UtcTicks < bound.UtcTicks - (bound.UtcTicks % TimeSpan.TicksPerMinute);
        if (dayOnly ? day > Time.LocalDate(now) : at > now + ClockSkewAllowance)
        {
            throw new RecordInputException($"--at {Local(at)} is in the future");
        }
        if (stationStart is { } start && day < start)
        {
            throw new RecordInputException($"--at {Local(at)} is before the station started keeping records ({start:yyyy-MM-dd})");
        }
        var cameIn = record.Type == RecordType.Petition ? record.Instant(FieldKeys.ReceivedAt) ?? record.ReportedAt : record.ReportedAt;
        if (Before(cameIn))
        {
            var what = record.Type == RecordType.Petition ? "received" : "reported";
            throw new RecordInputException($"--at {Local(at)} is before {record.Id} was {what} ({Local(cameIn)})");
        }
        if (record.Marks.Count > 0 && record.Marks.MaxBy(m => m.Value) is var (previous, previousAt) && Before(previousAt))
        {
            throw new RecordInputException($"--at {Local(at)} is before the step before it ('{previous.Replace("level:", "escalate to ", StringComparison.Ordinal)}' on {Local(previousAt)})");
        }
        return at;
    }

    private static void EnsureNotVoided(RecordSnapshot record)
    {
        if (record.Voided)
        {
            throw new IllegalTransitionException($"{record.Id} was voided ({record.VoidReason}); it cannot change any more");
        }
    }
}
