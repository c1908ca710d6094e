namespace EdgeStation.Domain.Accounts;

/// <summary>
/// What a password or PIN must be. A secret of digits only is a PIN: at least <see cref="MinPinDigits"/> digits,
/// not one digit repeated (000000) and not a straight run (123456, 987654). Anything else is a password: at least
/// <see cref="MinPasswordLength"/> characters. Neither may be the account's name, nor hold control characters.
/// </summary>
public static class SecretRules
{
    public const int MinPinDigits = 6;
    public const int MinPasswordLength = 8;
    public const int MaxLength = 128;

    /// <summary>Throws <see cref="AccountInputException"/> naming the first rule <paramref name="secret"/> breaks.</summary>
    public static void Check(string name, string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new AccountInputException("the password/PIN is empty");
        }
        if (secret.Length > MaxLength)
        {
            throw new AccountInputException($"the password/PIN is longer than {MaxLength} characters");
        }
        if (secret.Any(char.IsControl))
        {
            throw new AccountInputException("the password/PIN contains a control character (tab, escape, …)");
        }
        if (string.Equals(secret.Trim(), name, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccountInputException("the password/PIN must not be the account's name");
        }
        if (secret.All(char.IsAsciiDigit))
        {
            if (secret.Length < MinPinDigits)
            {
                throw new AccountInputException($"a PIN needs at least {MinPinDigits} digits (got {secret.Length})");
            }
            if (secret.All(c => c == secret[0]))
            {
                throw new AccountInputException("a PIN of one digit repeated is too easy to guess");
            }
            if (IsRun(secret, +1) || IsRun(secret, -1))
            {
                throw new AccountInputException("a PIN of consecutive digits (123456, 987654) is too easy to guess");
            }
            return;
        }
        if (secret.Length < MinPasswordLength)
        {
            throw new AccountInputException($"a password needs at least {MinPasswordLength} characters (got {secret.Length}); or use a PIN of {MinPinDigits}+ digits");
        }
    }

    private static bool IsRun(string digits, int step)
    {
        for (var i = 1; i < digits.Length; i++)
        {
            if ((digits[i] - digits[i - 1] + 10) % 10 != (step + 10) % 10)
            {
                return false;
            }
        }
        return true;
    }
}
