namespace EdgeStation.Access.Osdp;

/// <summary>How one command/reply exchange with a peripheral ended.</summary>
public enum OsdpExchangeResult
{
    /// <summary>The peripheral answered with a valid reply.</summary>
    Answered,
    /// <summary>No valid reply within the reply timeout (200 ms by the standard).</summary>
    Timeout,
    /// <summary>The peripheral refused the command (osdp_NAK).</summary>
    Refused,
    /// <summary>A reply came whose MAC did not verify, or whose data would not decrypt: the secure channel is dropped.</summary>
    SecurityFailure,
}
