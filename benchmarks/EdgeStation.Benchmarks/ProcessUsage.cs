using System.Globalization;

namespace EdgeStation.Benchmarks;

/// <summary>
/// CPU time and memory of another process from /proc (Linux): user + system time in clock ticks from
/// /proc/PID/stat, resident set now (VmRSS) and its peak (VmHWM) from /proc/PID/status. Read at the start and end
/// of a phase, so the center's CPU is its own, not the load generator's.
/// </summary>
public readonly record struct ProcessUsage(TimeSpan Cpu, long RssKb, long PeakRssKb)
{
    // USER_HZ: 100 on every Linux the project runs on (x64 and arm64).
    private const double TicksPerSecond = 100;

    public static ProcessUsage Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line);
            }
        }
        return new ProcessUsage(TimeSpan.FromSeconds(ticks / TicksPerSecond), rss, peak);
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
