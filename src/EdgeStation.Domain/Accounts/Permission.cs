namespace EdgeStation.Domain.Accounts;

/// <summary>What an endpoint or command asks of the acting user. Who has which: <see cref="RolePermissions"/>.</summary>
public enum Permission
{
    /// <summary>List and read records; personal fields only with <see cref="ReadPersonal"/> or <see cref="ReadPersonalOwnGrids"/>.</summary>
    ReadRecords,
    /// <summary>Create, transition, amend and void records of any grid.</summary>
    WriteRecords,
    /// <summary>Create, transition, amend and void records of the user's own grid(s) only.</summary>
    WriteRecordsOwnGrids,
    /// <summary>See personal fields (names, phone and ID numbers, free text) of every record.</summary>
    ReadPersonal,
    /// <summary>See personal fields of the records of the user's own grid(s) only.</summary>
    ReadPersonalOwnGrids,
    /// <summary>Indicators: streaks, rates, safety index (counts only, nothing personal).</summary>
    ReadIndicators,
    /// <summary>The ledger head (seq and hash), for the monthly anchor.</summary>
    ReadLedger,
    /// <summary>/metrics (Prometheus text: counts and latencies, nothing personal).</summary>
    ReadMetrics,
    /// <summary>Diagnostics (storage, devices) as they are added to the API.</summary>
    ReadDiagnostics,
    /// <summary>List, add, change and remove accounts.</summary>
    ManageUsers,
    /// <summary>Acknowledge a door or one-button alarm (报警确认): the person on duty who dealt with it; logged with who.</summary>
    AcknowledgeAlarms,
    /// <summary>`door simulate`: drive the simulated chip's reader, keypad, contact and buttons (installation, training).</summary>
    SimulateDoors,
    /// <summary>Give and take access rights (persons, cards): each change a ledger entry of type <c>access</c>.</summary>
    ManageAccess,
    /// <summary>`door unlock`: open a door for a while from the kiosk or the command line (远程开门); logged with who.</summary>
    UnlockDoors,
    /// <summary>`door mode`: put a door in lockdown (封锁) or free passage (常开), or back to normal; logged with who.</summary>
    SetDoorMode,
}
