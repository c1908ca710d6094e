using EdgeStation.Domain.Deadlines;

namespace EdgeStation.Station.Kiosk;

/// <summary>One open deadline on the home screen: which record, which deadline, how many days left or late.</summary>
public sealed record DueItem(string Id, string Type, string Summary, string DeadlineKey, DeadlineStatus Deadline, int DaysLeft)
{
    /// <summary>The record's grid: whether this user may read its summary (free text is personal).</summary>
    public string? Grid { get; init; }
}
