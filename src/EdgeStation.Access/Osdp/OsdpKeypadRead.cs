namespace EdgeStation.Access.Osdp;

/// <summary>Keys pressed on a reader's keypad (osdp_KEYPAD), as '0'–'9', '*' and '#'.</summary>
public sealed record OsdpKeypadRead(byte Address, byte Reader, string Keys)
{
    /// <summary>OSDP sends '*' as 0x7F and '#' as 0x0D; some readers send the ASCII signs themselves.</summary>
    public static char KeyOf(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => (char)b,
        0x7F or (byte)'*' => '*',
        0x0D or (byte)'#' => '#',
        _ => '?',
    };
}
