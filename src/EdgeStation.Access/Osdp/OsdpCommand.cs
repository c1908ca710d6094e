namespace EdgeStation.Access.Osdp;

/// <summary>Command codes a control panel (the station) sends to a peripheral device (a reader), OSDP v2 (IEC 60839-11-5).</summary>
public static class OsdpCommand
{
    public const byte Poll = 0x60;
    public const byte Id = 0x61;
    public const byte Capabilities = 0x62;
    public const byte LocalStatus = 0x64;
    public const byte Led = 0x69;
    public const byte Buzzer = 0x6A;
    public const byte KeySet = 0x75;
    public const byte Challenge = 0x76;
    public const byte ServerCryptogram = 0x77;
}
