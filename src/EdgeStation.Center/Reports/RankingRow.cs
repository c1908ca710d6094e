namespace EdgeStation.Center.Reports;

/// <summary>One village on the monthly ranking; <see cref="Rank"/> null when it sent no daily close that month.</summary>
public sealed record RankingRow(int? Rank, string StationId, string Name, MonthFigures Month);
