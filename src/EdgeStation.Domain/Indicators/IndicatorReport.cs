namespace EdgeStation.Domain.Indicators;

/// <summary>The figures a township judges a village by, for one day. Rates are 0–1, null when nothing was due.</summary>
public sealed record IndicatorReport
{
    public required DateOnly Date { get; init; }
    public required string TimeZone { get; init; }
    public required DateOnly StationStart { get; init; }
    /// <summary>False when the holiday schedule for the date's year is not published: the normal week was assumed.</summary>
    public required bool HolidayScheduleKnown { get; init; }
    /// <summary>The year whose holiday schedule is needed but not loaded: the date's own, or from 1 November the next one; null when none is missing.</summary>
    public int? HolidayScheduleMissingYear { get; init; }
    public required StreakDays StreakDays { get; init; }
    public required FourNothingStatus FourNothing { get; init; }
    public required DisputeFigures Disputes { get; init; }
    /// <summary>化解率: resolved / accepted, year to date.</summary>
    public double? DisputeResolutionRate { get; init; }
    public required PetitionFigures Petitions { get; init; }
    public double? PetitionAcceptanceOnTimeRate { get; init; }
    public double? PetitionCompletionOnTimeRate { get; init; }
    /// <summary>按期率: deadline steps met on time / steps due (acceptance and completion together).</summary>
    public double? PetitionOnTimeRate { get; init; }
    /// <summary>重复信访率: repeat petitions / petitions received.</summary>
    public double? PetitionRepeatRate { get; init; }
    /// <summary>满意率: (satisfied + basically satisfied) / rated.</summary>
    public double? PetitionSatisfactionRate { get; init; }
    public required GridEventFigures GridEvents { get; init; }
    public double? GridEventClosedRate { get; init; }
    /// <summary>平安指数 for the month of <see cref="Date"/>, 0–100.</summary>
    public required double SafetyIndex { get; init; }
    public required IReadOnlyList<SafetyIndexComponent> SafetyIndexComponents { get; init; }
}
