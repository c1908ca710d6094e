namespace EdgeStation.Domain.Settings;

/// <summary>Levels a petition can reach, lowest first. "Escalated" (越级/上访) means beyond a configured level.</summary>
public static class PetitionLevel
{
    public static readonly IReadOnlyList<string> All = ["village", "township", "county", "city", "province", "national"];

    public static int Rank(string level)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == level)
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(level), level, "unknown petition level");
    }
}
