using System.Runtime.CompilerServices;

namespace EdgeStation.Vision.Frames;

/// <summary>
/// Frames from ffmpeg, kept alive: a decoder that exits is started again after a delay that doubles
/// with each failure in a row (reset once a run delivers frames); a decoder that gives no frame for
/// <see cref="FrameSourceOptions.StallTimeout"/> is ended and reported as a lost stream. A file ends
/// normally at its end; a file ffmpeg cannot decode is an input error, not a restart loop.
/// Time (the stall watchdog, the backoff) comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SupervisedFrameSource : IFrameSource
{
    private readonly FrameSourceOptions options;
    private readonly TimeProvider time;
    private readonly Action<SourceStatus>? onStatus;

    public SupervisedFrameSource(FrameSourceOptions options, TimeProvider time, Action<SourceStatus>? onStatus = null)
    {
        this.options = options;
        this.time = time;
        this.onStatus = onStatus;
    }

    public async IAsyncEnumerable<Frame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var naming = await FrameNaming.ForAsync(options, time, cancellationToken).ConfigureAwait(false);
        var delay = options.RestartDelay;
        long produced = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long deliveredThisRun = 0;
            var stalled = 0;
            var decoder = FfmpegDecoder.Start(options);
            int exitCode;
            try
            {
                // The watchdog exists before Started is reported, so whoever moves time after seeing
                // Started moves it for the watchdog too.
                using var watchdog = time.CreateTimer(
                    _ =>
                    {
                        Volatile.Write(ref stalled, 1);
                        decoder.Kill();
                    },
                    null,
                    options.StallTimeout,
                    Timeout.InfiniteTimeSpan);
                // A stop ends the decoder at once: a read from its pipe does not always notice a cancelled token, and a
                // looped or live source would otherwise go on delivering frames.
                using var onStop = cancellationToken.Register(decoder.Kill);
                onStatus?.Invoke(new SourceStatus(SourceState.Started, decoder.ProcessId));
                while (await decoder.ReadFrameAsync(cancellationToken).ConfigureAwait(false) is { } pixels)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    watchdog.Change(options.StallTimeout, Timeout.InfiniteTimeSpan);
                    deliveredThisRun++;
                    yield return naming.Name(produced++, options, pixels);
                }

                watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                exitCode = await decoder.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await decoder.DisposeAsync().ConfigureAwait(false);
            }

            if (Volatile.Read(ref stalled) == 1)
            {
                onStatus?.Invoke(new SourceStatus(SourceState.StreamLost, decoder.ProcessId, $"no frame for {options.StallTimeout.TotalSeconds:0.#} s"));
                if (!options.IsLive)
                {
                    throw new FrameSourceException($"{options.Input}: no frame for {options.StallTimeout.TotalSeconds:0.#} s");
                }
            }
            else if (!options.IsLive)
            {
                if (exitCode == 0)
                {
                    onStatus?.Invoke(new SourceStatus(SourceState.Ended, decoder.ProcessId));
                    yield break;
                }

                throw new FrameSourceException($"{options.Input}: ffmpeg cannot decode it (exit {exitCode}): {decoder.ErrorTail}");
            }
            else
            {
                onStatus?.Invoke(new SourceStatus(SourceState.DecoderExited, decoder.ProcessId, $"exit {exitCode}: {decoder.ErrorTail}"));
            }

            if (deliveredThisRun > 0)
            {
                delay = options.RestartDelay;
            }

            // The timer is set before Restarting is reported, for the same reason as the watchdog's.
            var wait = Task.Delay(delay, time, cancellationToken);
            onStatus?.Invoke(new SourceStatus(SourceState.Restarting, null, RetryIn: delay));
            await wait.ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRestartDelay.Ticks));
        }
    }
}
