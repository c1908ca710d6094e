using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Reports;

/// <summary>A village's figures for one month: its last daily close of that month (the station's own day), or none.</summary>
public sealed record MonthFigures(ReportMonth Month, DateOnly? AsOf, Figures? Figures)
{
    /// <summary>平安指数, 0–100.</summary>
    public double? SafetyIndex => Figures?.SafetyIndex is { } si ? si.IndexCenti / 100.0 : null;
    public bool? FourNothing => Figures?.FourNothing?.Achieved;
    public int? RedDisputes => Figures?.Disputes is { } d ? (int)d.Red : null;
    public int? OverduePetitions => Figures?.Petitions is { } p ? (int)p.Overdue : null;
}
