using System.Globalization;
using System.Text;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Writes the canonical JSON of ledger content: RFC 8785 (JCS) restricted to objects, strings and
/// integers. Keys sorted by UTF-16 code units, no whitespace, strings escaped exactly as JCS says.
/// Specified in docs/ledger.md so an auditor can re-verify an export with any JCS implementation.
/// </summary>
internal sealed class CanonicalJson
{
    private readonly StringBuilder _sb = new(256);
    private bool _needComma;

    public CanonicalJson BeginObject()
    {
        Separator();
        _sb.Append('{');
        _needComma = false;
        return this;
    }

    public CanonicalJson EndObject()
    {
        _sb.Append('}');
        _needComma = true;
        return this;
    }

    /// <summary>Keys must be written in ascending ordinal order; the caller's sorted collections guarantee it.</summary>
    public CanonicalJson Key(string key)
    {
        Separator();
        WriteString(key);
        _sb.Append(':');
        _needComma = false;
        return this;
    }

    public CanonicalJson Value(string value)
    {
        Separator();
        WriteString(value);
        _needComma = true;
        return this;
    }

    /// <summary>Integers beyond ±(2^53−1) are not written: outside the I-JSON range a JSON reader may round them (docs/ledger.md, check 5).</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    public CanonicalJson Value(long value)
    {
        if (value is > MaxSafeInteger or < -MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "outside ±(2^53−1), which the ledger's canonical JSON does not hold");
        }
        Separator();
        _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        _needComma = true;
        return this;
    }

    public override string ToString() => _sb.ToString();

    private void Separator()
    {
        if (_needComma)
        {
            _sb.Append(',');
            _needComma = false;
        }
    }

    private void WriteString(string s)
    {
        _sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _sb.Append(c);
                    }
                    break;
            }
        }
        _sb.Append('"');
    }
}
