using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Wiegand;

/// <summary>One decoded burst: a card (facility and number), a key ('0'–'9', '*', '#'), or a rejection with its reason.</summary>
public readonly record struct WiegandFrame(WiegandFrameKind Kind, int Bits, CardId Card, char Key, WiegandRejection Rejection)
{
    public static WiegandFrame OfCard(int bits, uint facility, uint number) => new(WiegandFrameKind.Card, bits, CardId.Wiegand(facility, number), '\0', WiegandRejection.None);

    public static WiegandFrame OfKey(int bits, char key) => new(WiegandFrameKind.Key, bits, default, key, WiegandRejection.None);

    public static WiegandFrame Rejected(int bits, WiegandRejection why) => new(WiegandFrameKind.Rejected, bits, default, '\0', why);
}
