namespace EdgeStation.Sync.Contract;

/// <summary>
/// A station id: 1–63 lowercase ASCII letters, digits and '-', starting with a letter or digit. It is the
/// certificate's common name and a file-name-safe key at the center, so nothing else is allowed.
/// </summary>
public static class StationIdFormat
{
    public const int MaxLength = 63;

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id[0] == '-')
        {
            return false;
        }
        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why <paramref name="id"/> is not a station id, or null when it is.</summary>
    public static string? Problem(string? id) =>
        IsValid(id) ? null : $"'{id}' is not a station id: use 1-{MaxLength} lowercase letters, digits and '-' (e.g. dongshan-village)";
}
