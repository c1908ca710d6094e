using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Workflows;

public sealed record TransitionContext(RecordSnapshot Record, TransitionInput Input, StationSettings Settings, RecordSchema Schema, StationTime Time)
{
    public FieldValue Require(string? raw, string key, string action)
    {
        var spec = Schema.Find(key)!;
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new RecordInputException($"'{action}' needs {spec.Option.Replace("--assigned-to", "--to", StringComparison.Ordinal)}");
        }
        return FieldParser.Parse(spec, raw, Time);
    }
}
