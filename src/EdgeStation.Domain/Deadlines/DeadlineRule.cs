namespace EdgeStation.Domain.Deadlines;

/// <summary>A deadline of so many days after an event, with the text that makes it law.</summary>
public sealed record DeadlineRule(string Id, int Days, string Citation)
{
    /// <summary>When the last day is a rest day, the deadline moves to the next working day.</summary>
    public bool RollsOverRestDays { get; init; } = true;
    public int MaxCount { get; init; } = 1;

    /// <summary>The petition matters (信访事项类别) the rule applies to; null: every matter.</summary>
    public IReadOnlyList<string>? AppliesTo { get; init; }

    /// <summary>Where the station is stricter than the text (e.g. one extension only), said as such.</summary>
    public string? Policy { get; init; }

    public bool AppliesToMatter(string matter) => AppliesTo is null || AppliesTo.Contains(matter);
}
