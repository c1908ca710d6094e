namespace EdgeStation.Vision.Rules;

/// <summary>One object crossing one counting line: which line, which track, which way, at which source frame.</summary>
public sealed record LineCrossing(string Line, int TrackId, string Label, LineDirection Direction, long Frame, TimeSpan Time);
