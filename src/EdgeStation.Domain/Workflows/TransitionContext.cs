using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Workflows;

public sealed record TransitionContext(RecordSnapshot Record, TransitionInput Input, StationSettings Settings, RecordSchema Schema, StationTime Time)
{
    /// <summary>Parses an action's input by the field's rules, naming the action's own option in messages.</summary>
    public FieldValue Require(string? raw, string key, string action, string option)
    {
        var spec = Schema.Find(key)! with { Option = option };
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new RecordInputException($"'{action}' needs {option}");
        }
        return FieldParser.Parse(spec, raw, Time);
    }
}
