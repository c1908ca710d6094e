namespace EdgeStation.Domain.Accounts;

/// <summary>
/// Account names: 2 to 32 letters (any script, so 王芳 works), digits, '.', '_' or '-', starting with a letter or
/// digit. Compared without regard to case: the stored name is lower case.
/// </summary>
public static class UserNames
{
    public const int MinLength = 2;
    public const int MaxLength = 32;

    /// <summary>The stored form of <paramref name="raw"/>, or an <see cref="AccountInputException"/> saying what is wrong.</summary>
    public static string Normalize(string? raw)
    {
        var name = (raw ?? "").Trim().ToLowerInvariant();
        if (name.Length is < MinLength or > MaxLength)
        {
            throw new AccountInputException($"an account name has {MinLength} to {MaxLength} characters (got '{raw}')");
        }
        if (!char.IsLetterOrDigit(name[0]) || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new AccountInputException($"an account name holds letters, digits, '.', '_' and '-' and starts with a letter or digit (got '{raw}')");
        }
        return name;
    }

    /// <summary>The key a login attempt is counted under, also for names that are not valid account names.</summary>
    public static string LoginKey(string? raw)
    {
        var key = (raw ?? "").Trim().ToLowerInvariant();
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }
}
