using System.Globalization;
using EdgeStation.Domain.Calendar;

namespace EdgeStation.Domain.Records;

/// <summary>Turns what a person typed into a field value, or a message that says what is wrong and how to fix it.</summary>
public static class FieldParser
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static FieldValue Parse(FieldSpec spec, string raw, StationTime time)
    {
        var value = raw.Trim();
        if (value.Length == 0)
        {
            throw new RecordInputException($"{spec.Option} is empty; give a value or leave the option out");
        }
        switch (spec.Kind)
        {
            case FieldKind.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    throw new RecordInputException($"{spec.Option} must be a whole number (got '{raw}')");
                }
                if (n < spec.Min || n > spec.Max)
                {
                    throw new RecordInputException($"{spec.Option} must be between {spec.Min} and {spec.Max} (got {n})");
                }
                return FieldValue.Of(n);
            case FieldKind.Choice:
                if (!spec.Choices.Contains(value))
                {
                    throw new RecordInputException($"{spec.Option} must be one of {string.Join(", ", spec.Choices)} (got '{raw}')");
                }
                return FieldValue.Of(value);
            case FieldKind.Instant:
                return FieldValue.Of(FormatInstant(ParseInstant(spec.Option, value, time)));
            case FieldKind.Text:
            case FieldKind.RecordRef:
            default:
                if (value.Length > spec.MaxLength)
                {
                    throw new RecordInputException($"{spec.Option} is {value.Length} characters long; the limit is {spec.MaxLength}");
                }
                if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
                {
                    throw new RecordInputException($"{spec.Option} contains control characters");
                }
                if (spec.Check?.Invoke(value) is { } problem)
                {
                    throw new RecordInputException($"{spec.Option}: {problem} (got '{raw}')");
                }
                return FieldValue.Of(value);
        }
    }

    /// <summary>Local "YYYY-MM-DD[THH:mm[:ss]]" in the station's zone, or an ISO instant with an offset or Z.</summary>
    public static DateTimeOffset ParseInstant(string option, string value, StationTime time)
    {
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return time.ToUtc(local);
        }
        if ((value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 7)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var withOffset)
            && value.Contains('T'))
        {
            return withOffset.ToUniversalTime();
        }
        throw new RecordInputException($"{option} must be a date like 2026-03-15 or 2026-03-15T09:30 (got '{value}')");
    }

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture);
}
