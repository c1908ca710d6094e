namespace EdgeStation.Access.Doors;

/// <summary>反潜回: hard refuses a second entry (or exit) in a row, soft lets it through and logs it.</summary>
public enum AntiPassbackKind
{
    None,
    Soft,
    Hard,
}
