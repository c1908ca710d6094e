namespace EdgeStation.Domain.Deadlines;

/// <summary>Where one deadline stands on a given day.</summary>
public readonly record struct DeadlineStatus(DateOnly Due, DateOnly? MetOn)
{
    public bool IsMet => MetOn is not null;
    public bool MetOnTime => MetOn is { } d && d <= Due;

    public bool IsOverdue(DateOnly today) => MetOn is null && today > Due;

    /// <summary>Positive: days left; negative: days late. Zero: due today.</summary>
    public int DaysLeft(DateOnly today) => Due.DayNumber - today.DayNumber;
}
