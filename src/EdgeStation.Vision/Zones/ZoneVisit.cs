namespace EdgeStation.Vision.Zones;

/// <summary>One person's stay in one zone, from the first frame their foot was inside.</summary>
internal sealed class ZoneVisit(TimeSpan entered)
{
    public TimeSpan Entered { get; } = entered;

    public TimeSpan LastInside { get; set; } = entered;

    public bool Loitered { get; set; }
}
