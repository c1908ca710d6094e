using System.Threading.Channels;
using EdgeStation.Vision.Frames;

namespace EdgeStation.Vision.Tests.Support;

/// <summary>Collects a source's status changes so a test can wait for the next one of a kind.</summary>
public sealed class StatusLog
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly Channel<SourceStatus> channel = Channel.CreateUnbounded<SourceStatus>();

    public List<SourceStatus> All { get; } = [];

    public void Add(SourceStatus status)
    {
        lock (All)
        {
            All.Add(status);
        }

        channel.Writer.TryWrite(status);
    }

    /// <summary>The next status of <paramref name="state"/>, skipping others (the guard only ends a broken test).</summary>
    public async Task<SourceStatus> NextAsync(SourceState state)
    {
        using var cts = new CancellationTokenSource(Guard);
        while (true)
        {
            var s = await channel.Reader.ReadAsync(cts.Token);
            if (s.State == state)
            {
                return s;
            }
        }
    }
}
