namespace EdgeStation.Access.Alarms;

/// <summary>The alarms a door or an input raises.</summary>
public enum AlarmKind
{
    /// <summary>门长时间未关: open past the allowed time after a grant.</summary>
    HeldOpen,
    /// <summary>强行开门: the contact opened with no grant, exit button or free passage.</summary>
    ForcedOpen,
    /// <summary>防拆: a reader's or box's tamper switch.</summary>
    Tamper,
    /// <summary>读卡器离线: an OSDP reader stopped answering, or a Wiegand reader's tamper/presence line dropped.</summary>
    ReaderOffline,
    /// <summary>一键报警: the one-button alarm.</summary>
    Panic,
    /// <summary>胁迫: a duress PIN was entered; silent at the door, loud on the kiosk.</summary>
    Duress,
}
