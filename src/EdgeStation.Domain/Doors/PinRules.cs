namespace EdgeStation.Domain.Doors;

/// <summary>PINs are 4–8 digits (what Wiegand and matrix keypads send); longer or shorter is refused before hashing.</summary>
public static class PinRules
{
    public const int MinLength = 4;
    public const int MaxLength = 8;

    public static string Check(string pin)
    {
        var p = pin ?? "";
        return p.Length is >= MinLength and <= MaxLength && p.All(char.IsAsciiDigit) ? p
            : throw new AccessInputException($"a PIN is {MinLength}–{MaxLength} digits");
    }
}
