namespace EdgeStation.Domain.Deadlines;

/// <summary>A deadline of so many days after an event, with the text that makes it law.</summary>
public sealed record DeadlineRule(string Id, int Days, string Citation)
{
    /// <summary>When the last day is a rest day, the deadline moves to the next working day.</summary>
    public bool RollsOverRestDays { get; init; } = true;
    public int MaxCount { get; init; } = 1;
}
