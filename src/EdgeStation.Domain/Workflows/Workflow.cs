namespace EdgeStation.Domain.Workflows;

/// <summary>The states and actions of one record type.</summary>
public sealed class Workflow(string initial, IReadOnlyList<string> statuses, IReadOnlyList<WorkflowAction> actions)
{
    public string Initial { get; } = initial;
    public IReadOnlyList<string> Statuses { get; } = statuses;
    public IReadOnlyList<WorkflowAction> Actions { get; } = actions;

    public WorkflowAction? Find(string name) => Actions.FirstOrDefault(a => a.Name == name);

    /// <summary>Actions allowed from a status: what the kiosk shows as buttons.</summary>
    public IEnumerable<WorkflowAction> AllowedFrom(string status) => Actions.Where(a => a.From.Contains(status));
}
