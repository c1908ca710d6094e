using System.Globalization;

namespace EdgeStation.Station.Kiosk;

/// <summary>How the kiosk writes figures, the same on every page.</summary>
public static class KioskFormat
{
    /// <summary>A 0–1 rate as "87.5%"; "—" when nothing was due (no rate, not zero).</summary>
    public static string Percent(double? rate) => rate is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
