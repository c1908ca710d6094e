using EdgeStation.Access.Decisions;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// What a reader on the bus shows after a decision at its door (读卡器提示): its LED in a colour for a while, then back to
/// its resting state, and beeps. Green and one beep: come in; red and three short beeps: refused (or a card it could not
/// read); amber: the card was taken, now the PIN. A duress grant looks like any grant: the person at the door must not
/// be given away.
/// </summary>
public readonly record struct OsdpFeedback(byte Address, byte Reader, byte Color, ushort LedTenths, byte BeepTenths, byte Beeps)
{
    public const byte Red = 1;
    public const byte Green = 2;
    public const byte Amber = 3;

    /// <summary>The feedback for a read at (<paramref name="address"/>, <paramref name="reader"/>); null when there is nothing to show (a key of a PIN not finished).</summary>
    public static OsdpFeedback? For(byte address, byte reader, AccessDecision? decision, bool unreadable)
    {
        if (unreadable)
        {
            return new OsdpFeedback(address, reader, Red, 20, 1, 3);
        }
        return decision switch
        {
            null => null,
            { Reason: DecisionReason.AwaitingPin } => new OsdpFeedback(address, reader, Amber, (ushort)(Doors.DoorController.PinWait.TotalSeconds * 10), 1, 1),
            { Granted: true } => new OsdpFeedback(address, reader, Green, 30, 3, 1),
            _ => new OsdpFeedback(address, reader, Red, 20, 1, 3),
        };
    }

    public string ColorName => Color switch
    {
        Red => "red",
        Green => "green",
        Amber => "amber",
        _ => "off",
    };
}
