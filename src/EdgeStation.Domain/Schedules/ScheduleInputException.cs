namespace EdgeStation.Domain.Schedules;

/// <summary>A malformed schedule: a window that ends before it starts, an unknown day, a time that is no time. Exit code 2, HTTP 400.</summary>
public sealed class ScheduleInputException(string message) : Exception(message);
