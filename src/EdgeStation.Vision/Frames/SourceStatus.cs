namespace EdgeStation.Vision.Frames;

/// <summary>One change of a supervised source, with the decoder's process id and why.</summary>
public sealed record SourceStatus(SourceState State, int? ProcessId, string? Detail = null, TimeSpan? RetryIn = null);
