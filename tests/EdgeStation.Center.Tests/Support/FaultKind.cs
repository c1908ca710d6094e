namespace EdgeStation.Center.Tests.Support;

/// <summary>What the <see cref="FaultProxy"/> does to one connection.</summary>
public enum FaultKind
{
    /// <summary>Forwards everything.</summary>
    Pass,

    /// <summary>Accepts and resets at once, before any byte reaches the center (a link that is down).</summary>
    Refuse,

    /// <summary>Forwards the first N bytes one way, then resets both sides (RST: a 4G link lost mid-stream).</summary>
    Reset,

    /// <summary>Forwards the first N bytes one way, then closes both sides cleanly (FIN in the middle of a TLS record).</summary>
    Truncate,

    /// <summary>Forwards the first N bytes one way, then holds the rest until released, then delivers it (a stalled link).</summary>
    Delay,

    /// <summary>Forwards the first N bytes one way, then swallows the rest until released, then resets (packets dropped until the link dies).</summary>
    Drop,
}
