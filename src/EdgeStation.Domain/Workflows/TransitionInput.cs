namespace EdgeStation.Domain.Workflows;

/// <summary>What a person may give with a workflow action; each action says which it needs.</summary>
public sealed record TransitionInput
{
    public string? Note { get; init; }
    public string? Risk { get; init; }
    public string? AssignedTo { get; init; }
    public string? Days { get; init; }
    public string? Reason { get; init; }
    /// <summary>extend: the head of the unit who approved it (信访工作条例 第三十四条).</summary>
    public string? ApprovedBy { get; init; }
    public string? Satisfaction { get; init; }
    public string? Level { get; init; }
    /// <summary>When the step happened, local YYYY-MM-DD[THH:mm], if it is recorded later (default: now).</summary>
    public string? At { get; init; }
}
