namespace EdgeStation.Vision.Zones;

public enum ZoneEventKind
{
    /// <summary>A person's visit to the zone began (armed or not; <see cref="ZoneEvent.Armed"/> says which).</summary>
    Enter,

    /// <summary>A person has stayed the zone's dwell time while the zone is armed (徘徊). Raised once per visit.</summary>
    Loiter,
}
