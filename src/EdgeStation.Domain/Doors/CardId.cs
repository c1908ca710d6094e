using System.Globalization;

namespace EdgeStation.Domain.Doors;

/// <summary>
/// A card as a reader reports it: a Wiegand facility code and number ("12:34567"), or the UID of a 13.56 MHz card
/// ("uid:04A1B2C3"). The text form is the key everywhere (ledger, CLI, event log).
/// </summary>
public readonly record struct CardId
{
    private CardId(string text) => Text = text;

    public string Text { get; }

    public static CardId Wiegand(uint facility, uint number) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{facility}:{number}"));

    public static CardId Uid(ReadOnlySpan<byte> uid) => new("uid:" + Convert.ToHexString(uid));

    /// <summary>Reads "FACILITY:NUMBER" (facility up to 65535, number up to 4294967295) or "uid:HEX" (4, 7 or 10 bytes).</summary>
    public static CardId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith("uid:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = t[4..];
            if (hex.Length is 8 or 14 or 20 && hex.All(char.IsAsciiHexDigit))
            {
                return new CardId("uid:" + hex.ToUpperInvariant());
            }
            throw new AccessInputException($"'{text}' is not a card UID; write uid: and 8, 14 or 20 hex digits (4, 7 or 10 bytes), e.g. uid:04A1B2C3");
        }
        var parts = t.Split(':');
        if (parts.Length == 2
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var facility) && facility <= ushort.MaxValue
            && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Wiegand(facility, number);
        }
        throw new AccessInputException($"'{text}' is not a card number; write FACILITY:NUMBER as printed on the card (e.g. 12:34567) or uid:HEX");
    }

    public override string ToString() => Text;
}
