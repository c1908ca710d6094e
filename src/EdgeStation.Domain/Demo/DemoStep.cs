using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Demo;

/// <summary>
/// One thing that happens in the demo year: a record is created (<see cref="Action"/> null) or the record
/// created by step <see cref="CreatedBy"/> takes a workflow action. <see cref="RepeatOf"/> points at an earlier
/// created record by its step number, since ids are only allocated when appended.
/// </summary>
public sealed record DemoStep(DateTimeOffset At, RecordType Type, int CreatedBy)
{
    public Dictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);
    public string? Action { get; init; }
    public TransitionInput Input { get; init; } = new();
    public int? RepeatOf { get; init; }
    public string Actor { get; init; } = "demo";
}
