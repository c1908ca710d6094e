namespace EdgeStation.Access.Decisions;

/// <summary>Why a door said yes or no; logged with every attempt.</summary>
public enum DecisionReason
{
    Granted,
    FreePassage,
    /// <summary>The card was accepted and the door now waits for the holder's PIN (card+PIN, or card+face with no face).</summary>
    AwaitingPin,
    UnknownDoor,
    Lockdown,
    UnknownCard,
    UnknownPin,
    /// <summary>The door asks for a card (or card+PIN) and only a PIN came.</summary>
    CardRequired,
    /// <summary>The door asks for a PIN and only a card came.</summary>
    PinRequired,
    /// <summary>Card and PIN belong to different people.</summary>
    PinMismatch,
    FaceMismatch,
    /// <summary>Outside the person's validity dates.</summary>
    NotValid,
    /// <summary>None of the person's levels opens this door now (schedule, holiday).</summary>
    NoRight,
    Interlock,
    AntiPassback,
}
