using System.Text;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Keypad;

/// <summary>
/// Collects keypad keys into a PIN: digits, '#' to submit, '*' to start over. A pause longer than
/// <see cref="KeyTimeout"/> forgets what was typed (someone walked away mid-PIN), and typing past the longest PIN
/// discards the entry rather than guessing which digits were meant. Pure logic with an injected clock.
/// </summary>
public sealed class PinEntry(TimeProvider time, TimeSpan? keyTimeout = null)
{
    private readonly StringBuilder _digits = new(PinRules.MaxLength);
    private long _lastKey;

    public TimeSpan KeyTimeout { get; } = keyTimeout ?? TimeSpan.FromSeconds(10);

    /// <summary>One key; returns the PIN when '#' completes a PIN of a valid length, else null.</summary>
    public string? Key(char key)
    {
        var now = time.GetTimestamp();
        if (_digits.Length > 0 && time.GetElapsedTime(_lastKey, now) > KeyTimeout)
        {
            _digits.Clear();
        }
        _lastKey = now;
        switch (key)
        {
            case '*':
                _digits.Clear();
                return null;
            case '#':
                var pin = _digits.ToString();
                _digits.Clear();
                return pin.Length is >= PinRules.MinLength and <= PinRules.MaxLength ? pin : null;
            case >= '0' and <= '9':
                if (_digits.Length == PinRules.MaxLength + 1)
                {
                    return null;
                }
                _digits.Append(key);
                return null;
            default:
                return null;
        }
    }

    public int Typed => _digits.Length;
}
