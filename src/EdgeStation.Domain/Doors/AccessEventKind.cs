namespace EdgeStation.Domain.Doors;

/// <summary>What happened at a door or an alarm input (门禁事件), as the access event log keeps it.</summary>
public enum AccessEventKind
{
    /// <summary>A card or PIN let in (or out).</summary>
    Granted,
    /// <summary>A card or PIN refused; the reason says why.</summary>
    Refused,
    /// <summary>The exit button (出门按钮) unlocked the door.</summary>
    Exit,
    /// <summary>The exit button was pressed in lockdown and did nothing.</summary>
    ExitRefused,
    /// <summary>An alarm went up (held open, forced open, panic, duress, tamper).</summary>
    Alarm,
    /// <summary>Someone acknowledged an alarm (报警确认); the actor says who.</summary>
    AlarmAcknowledged,
    /// <summary>The door's mode changed (admin lockdown / free passage, first-person-in starting or ending).</summary>
    Mode,
}
