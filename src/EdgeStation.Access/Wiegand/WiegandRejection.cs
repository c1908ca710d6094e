namespace EdgeStation.Access.Wiegand;

/// <summary>Why a frame was thrown away. A rejected frame is never guessed into a card: the reader is asked to be swiped again.</summary>
public enum WiegandRejection
{
    None,
    /// <summary>A length no supported format has (26, 34 card; 4, 8 key): most often bits the userspace GPIO missed.</summary>
    Length,
    /// <summary>26 or 34 bits whose even or odd parity bit disagrees: a bit flipped or swapped on the wire.</summary>
    Parity,
    /// <summary>An 8-bit key whose high nibble is not the complement of the low one, or a 4-bit code that is no key.</summary>
    KeyCheck,
}
