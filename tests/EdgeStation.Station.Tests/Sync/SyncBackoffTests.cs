using EdgeStation.Station.Sync;

namespace EdgeStation.Station.Tests.Sync;

public class SyncBackoffTests
{
    [Fact]
    public void Failures_double_the_wait_from_5_s_to_10_min_with_jitter_and_a_success_resets_it()
    {
        var backoff = new SyncBackoff(new Random(16));
        var ceilings = new[] { 5, 10, 20, 40, 80, 160, 320, 600, 600, 600 };
        foreach (var ceiling in ceilings)
        {
            var wait = backoff.Next(succeeded: false).TotalSeconds;
            Assert.InRange(wait, ceiling / 2.0, ceiling);
        }
        Assert.Equal(SyncBackoff.Interval, backoff.Next(succeeded: true));
        Assert.InRange(backoff.Next(succeeded: false).TotalSeconds, 2.5, 5);
    }

    [Fact]
    public void Stations_that_fail_together_do_not_retry_in_the_same_second()
    {
        var waits = Enumerable.Range(0, 50).Select(seed =>
        {
            var b = new SyncBackoff(new Random(seed));
            for (var i = 0; i < 6; i++)
            {
                b.Next(succeeded: false);
            }
            return (int)b.Next(succeeded: false).TotalSeconds;
        }).ToHashSet();

        Assert.True(waits.Count > 25, $"only {waits.Count} distinct waits among 50 stations");
    }
}
