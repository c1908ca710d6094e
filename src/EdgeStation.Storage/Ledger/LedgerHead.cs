using System.Globalization;

namespace EdgeStation.Storage.Ledger;

/// <summary>The anchor "seq:hash" written into the monthly report; a later verify against it catches a cut tail.</summary>
public readonly record struct LedgerHead(long Seq, string Hash)
{
    public static readonly LedgerHead Empty = new(0, LedgerHasher.GenesisHash);

    public override string ToString() => $"{Seq.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    public static bool TryParse(string? text, out LedgerHead head)
    {
        head = default;
        var parts = text?.Trim().Split(':');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || parts[1].Length != 64
            || !parts[1].All(char.IsAsciiHexDigit))
        {
            return false;
        }
        head = new LedgerHead(seq, parts[1].ToLowerInvariant());
        return true;
    }
}
