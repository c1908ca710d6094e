using EdgeStation.Storage;

namespace EdgeStation.Station.Cli;

/// <summary>
/// A box without a real-time clock boots in 1970 until NTP answers. Records dated then would break every
/// deadline and streak, so writes wait for a plausible clock (ARCHITECTURE invariant 6).
/// </summary>
public static class ClockGuard
{
    public static readonly DateTimeOffset Earliest = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void EnsurePlausible(DateTimeOffset now)
    {
        if (now < Earliest)
        {
            throw new StorageEnvironmentException(
                $"the system clock reads {now:yyyy-MM-dd HH:mm} UTC, before {Earliest:yyyy-MM-dd}: the time is not set (no RTC, no NTP yet?). " +
                "Set it (timedatectl set-time, or wait for network time) before recording; nothing was written.");
        }
    }
}
