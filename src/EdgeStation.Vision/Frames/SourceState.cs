namespace EdgeStation.Vision.Frames;

/// <summary>What happened to a supervised source; the station turns <see cref="StreamLost"/> into an alert.</summary>
public enum SourceState
{
    /// <summary>A decoder process started.</summary>
    Started,

    /// <summary>No frame within the stall timeout: the decoder was ended ("stream lost").</summary>
    StreamLost,

    /// <summary>The decoder exited on its own (crash, camera gone, end of a live stream).</summary>
    DecoderExited,

    /// <summary>Waiting <see cref="SourceStatus.RetryIn"/> before the next start.</summary>
    Restarting,

    /// <summary>A file was decoded to its end.</summary>
    Ended,
}
