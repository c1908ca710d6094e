namespace EdgeStation.Domain.Records;

/// <summary>A field value is a string or an integer: nothing else, so the canonical encoding stays exact.</summary>
public readonly record struct FieldValue
{
    private FieldValue(string? text, long number, bool isNumber)
    {
        Text = text;
        Number = number;
        IsNumber = isNumber;
    }

    public string? Text { get; }
    public long Number { get; }
    public bool IsNumber { get; }

    public static FieldValue Of(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), 0, false);
    public static FieldValue Of(long number) => new(null, number, true);

    public override string ToString() =>
        IsNumber ? Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text!;
}
