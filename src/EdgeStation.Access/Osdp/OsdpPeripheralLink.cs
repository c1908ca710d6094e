namespace EdgeStation.Access.Osdp;

/// <summary>What the panel knows of one peripheral on its bus: address, sequence, secure channel, and whether it answers.</summary>
public sealed class OsdpPeripheralLink
{
    internal OsdpPeripheralLink(byte address, byte[]? baseKey, bool secure)
    {
        Address = address;
        BaseKey = baseKey;
        Secure = secure;
    }

    public byte Address { get; }

    /// <summary>The reader's own SCBK; null: it still holds the default SCBK-D (install mode, until <c>SetBaseKeyAsync</c>).</summary>
    public byte[]? BaseKey { get; internal set; }

    /// <summary>Every exchange after the handshake goes over the secure channel; a reader that cannot is left offline.</summary>
    public bool Secure { get; }

    public bool Online { get; internal set; }

    /// <summary>Online or offline has been reported once (a reader silent from the start is reported offline too).</summary>
    internal bool StateReported { get; set; }
    public int ConsecutiveTimeouts { get; internal set; }
    public bool SecureChannelUp => Session is not null;

    /// <summary>0 restarts the peripheral's count (first contact, or after a lost reply); then 1, 2, 3, 1, …</summary>
    internal int NextSequence { get; set; }

    internal SecureChannelSession? Session { get; set; }

    internal void Answered() => NextSequence = NextSequence == 3 ? 1 : NextSequence + 1;

    /// <summary>A lost or refused exchange: start again from sequence 0, and from the handshake.</summary>
    internal void Resynchronise()
    {
        NextSequence = 0;
        Session = null;
    }
}
