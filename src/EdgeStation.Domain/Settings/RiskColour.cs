namespace EdgeStation.Domain.Settings;

/// <summary>Dispute risk colours from the assessment (红/黄/绿 预警).</summary>
public static class RiskColour
{
    public const string Red = "red";
    public const string Yellow = "yellow";
    public const string Green = "green";
    public static readonly IReadOnlyList<string> All = [Red, Yellow, Green];
}
