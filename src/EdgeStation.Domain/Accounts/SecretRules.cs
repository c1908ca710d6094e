namespace EdgeStation.Domain.Accounts;

/// <summary>
/// What a password or PIN must be. A secret of digits only is a PIN: at least <see cref="MinPinDigits"/> digits,
/// not one digit repeated (000000) and not a straight run (123456, 987654). Anything else is a password: at least
/// <see cref="MinPasswordLength"/> characters. Neither may be the account's name, nor hold control characters;
/// neither may be a common secret (<see cref="CommonSecrets"/>: 5201314, password, admin123, 1qaz2wsx), a short
/// block repeated (123123, abcabcabc), a straight run of letters (abcdefgh) or a walk along the keyboard (qwertyui).
/// </summary>
public static class SecretRules
{
    public const int MinPinDigits = 6;
    public const int MinPasswordLength = 8;
    public const int MaxLength = 128;

    private static readonly string[] KeyboardWalks =
    [
        "1234567890qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qazwsxedcrfvtgbyhnujmikolp",
    ];

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
            CheckGuessable(name, secret);
            return;
        }
        if (secret.Length < MinPasswordLength)
        {
            throw new AccountInputException($"a password needs at least {MinPasswordLength} characters (got {secret.Length}); or use a PIN of {MinPinDigits}+ digits");
        }
        CheckGuessable(name, secret);
    }

    /// <summary>The patterns guessers try first, for PINs and passwords alike (compared in lower case).</summary>
    private static void CheckGuessable(string name, string secret)
    {
        var lower = secret.Trim().ToLowerInvariant();
        if (CommonSecrets.Whole.Contains(lower) || Array.IndexOf(CommonSecrets.Bases, lower) >= 0)
        {
            throw new AccountInputException("this password/PIN is among the most common ones that guessers try first");
        }
        var stem = lower[..(lower.Length - lower.Reverse().TakeWhile(IsFiller).Count())];
        var core = stem[stem.TakeWhile(IsFiller).Count()..];
        if (Array.Exists(CommonSecrets.Bases, b => b == stem || b == core))
        {
            throw new AccountInputException($"'{core}' with digits or symbols added is among the first things guessers try");
        }
        if (name.Length >= 3 && lower.Contains(name, StringComparison.Ordinal))
        {
            throw new AccountInputException("the password/PIN must not contain the account's name");
        }
        if (IsRepeatedBlock(lower))
        {
            throw new AccountInputException("a password/PIN that repeats a short block (123123, abcabc) is too easy to guess");
        }
        if (lower.All(char.IsAsciiLetter) && (IsRun(lower, +1) || IsRun(lower, -1)))
        {
            throw new AccountInputException("a password of consecutive letters (abcdefgh) is too easy to guess");
        }
        if (Array.Exists(KeyboardWalks, w => w.Contains(lower, StringComparison.Ordinal) || Reverse(w).Contains(lower, StringComparison.Ordinal)))
        {
            throw new AccountInputException("a password that walks along the keyboard (qwertyui, 1qaz2wsx) is too easy to guess");
        }
    }

    /// <summary>What people pad a word with to pass a rule: digits, symbols, spaces.</summary>
    private static bool IsFiller(char c) => char.IsAsciiDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || c == ' ';

    /// <summary>The whole secret is one block of at most half its length, repeated (121212, 520520, abcabcabc).</summary>
    private static bool IsRepeatedBlock(string s)
    {
        for (var block = 1; block <= s.Length / 2; block++)
        {
            if (s.Length % block == 0 && Enumerable.Range(block, s.Length - block).All(i => s[i] == s[i - block]))
            {
                return true;
            }
        }
        return false;
    }

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>Each character one after (or before) the last: 123456, 7890123 (digits wrap), abcdefgh, zyxwvuts.</summary>
    private static bool IsRun(string chars, int step)
    {
        var wrap = char.IsAsciiDigit(chars[0]) ? 10 : 26;
        for (var i = 1; i < chars.Length; i++)
        {
            if ((chars[i] - chars[i - 1] + wrap) % wrap != (step + wrap) % wrap)
            {
                return false;
            }
        }
        return true;
    }
}
