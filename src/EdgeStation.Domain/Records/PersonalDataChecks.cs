namespace EdgeStation.Domain.Records;

/// <summary>Format checks for personal fields, so a typo is caught at the kiosk and not in the monthly report.</summary>
public static class PersonalDataChecks
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
    public static string? CheckIdNumber(string value)
    {
        if (value.Length != 18)
        {
            return "an ID number has 18 characters";
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return "the first 17 characters of an ID number are digits";
            }
            sum += (value[i] - '0') * IdWeights[i];
        }
        var expected = IdCheckChars[sum % 11];
        return char.ToUpperInvariant(value[17]) == expected ? null : "the ID number's check digit does not match (typo?)";
    }

    /// <summary>Mobile (11 digits starting with 1) or landline with area code, optional +86 and dashes.</summary>
    public static string? CheckPhone(string value)
    {
        var trimmed = value.Trim();
        var body = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (body.Any(c => !(char.IsAsciiDigit(c) || c is '-' or ' ')))
        {
            return "a phone number has only digits, spaces, '-' and a leading '+'";
        }
        var digits = new string(body.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith('+'))
        {
            if (!digits.StartsWith("86", StringComparison.Ordinal))
            {
                return "only Chinese numbers (+86) are accepted";
            }
            digits = digits[2..];
        }
        if (digits.StartsWith('1'))
        {
            return digits.Length == 11 ? null : "a mobile number has 11 digits";
        }
        return digits.Length is >= 7 and <= 12 ? null : "a landline number has 7 to 12 digits with its area code";
    }
}
