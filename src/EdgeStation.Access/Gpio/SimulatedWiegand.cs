using System.Device.Gpio;
using System.Globalization;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Gpio;

/// <summary>
/// A Wiegand reader or keypad played on the simulated chip (tests, <c>edgestation demo</c>, <c>door simulate</c>): each bit
/// is a low pulse on D0 (a 0) or D1 (a 1). The bits of one burst go out back to back; the reader's frame gap ends it.
/// </summary>
public static class SimulatedWiegand
{
    /// <summary>A card as a reader sends it: 26 bits when the facility fits in 8 bits, else 34.</summary>
    public static bool[] CardBits(CardId card)
    {
        var parts = card.Text.Split(':');
        if (parts.Length != 2
            || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var facility)
            || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new AccessInputException($"card {card} is a 13.56 MHz UID: a Wiegand reader cannot send it; use FACILITY:NUMBER");
        }
        if (number > ushort.MaxValue)
        {
            throw new AccessInputException($"card {card}: Wiegand 26/34 carries card numbers up to {ushort.MaxValue}");
        }
        return WiegandDecoder.Encode(facility <= byte.MaxValue ? 26 : 34, facility, number);
    }

    /// <summary>One key of a Wiegand keypad as an 8-bit burst (high nibble the complement of the low).</summary>
    public static bool[] KeyBits(char key)
    {
        var code = key switch
        {
            >= '0' and <= '9' => key - '0',
            '*' => 10,
            '#' => 11,
            _ => throw new AccessInputException($"'{key}' is not a keypad key (0-9, *, #)"),
        };
        var b = ((~code & 0xF) << 4) | code;
        var bits = new bool[8];
        for (var i = 0; i < 8; i++)
        {
            bits[i] = ((b >> (7 - i)) & 1) == 1;
        }
        return bits;
    }

    public static void Send(SimulatedGpioDriver driver, WiegandPins pins, ReadOnlySpan<bool> bits)
    {
        ArgumentNullException.ThrowIfNull(driver);
        foreach (var bit in bits)
        {
            var pin = bit ? pins.D1 : pins.D0;
            driver.Drive(pin, PinValue.Low);
            driver.Drive(pin, PinValue.High);
        }
    }
}
