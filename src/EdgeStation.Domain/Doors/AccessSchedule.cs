using EdgeStation.Domain.Schedules;

namespace EdgeStation.Domain.Doors;

/// <summary>A numbered, named weekly schedule (时间段) that access levels and door modes refer to.</summary>
public sealed record AccessSchedule(int Id, string Name, WeeklySchedule Week);
