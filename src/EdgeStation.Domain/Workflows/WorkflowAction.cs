using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Workflows;

/// <summary>
/// One action of a workflow: allowed from some statuses, leading to another (or none: a side action such as
/// 回访 or an extension). <see cref="Fields"/> validates the input and returns what the ledger entry records.
/// </summary>
public sealed record WorkflowAction(string Name, IReadOnlyList<string> From, string? To, string Description)
{
    public string Usage { get; init; } = "";
    public Func<TransitionContext, SortedDictionary<string, FieldValue>> Fields { get; init; } = _ => new(StringComparer.Ordinal);
}
