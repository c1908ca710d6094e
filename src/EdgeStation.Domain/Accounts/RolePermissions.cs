namespace EdgeStation.Domain.Accounts;

/// <summary>
/// The permission matrix, one decision per role (docs/operations.md, "Accounts and roles"):
/// <list type="bullet">
/// <item><b>admin</b>: everything, and the accounts. The person answerable for the station.</item>
/// <item><b>official</b>: reads and writes every record of every grid with its personal fields; figures and
/// ledger head; acknowledges alarms (the person on duty). No metrics or accounts: those are the engineer's and the
/// admin's.</item>
/// <item><b>grid-worker</b>: reads every record, but personal fields only of records in their own grid(s);
/// writes records of their own grid(s) only (a grid worker has no business amending another grid's case).</item>
/// <item><b>viewer</b>: reads records without personal fields, figures and ledger head; writes nothing (a
/// township visitor, a trainee).</item>
/// <item><b>engineer</b>: health, metrics and diagnostics, records without personal fields (to see that the
/// station works), figures and ledger head; acknowledges alarms, simulates door hardware and unlocks a door for a
/// while (installing and testing the doors); writes no records and sees nothing personal (the door event log without
/// who). Lockdown and free passage are the admin's alone: they change who may enter for everyone.</item>
/// </list>
/// </summary>
public static class RolePermissions
{
    private static readonly Dictionary<Role, HashSet<Permission>> Matrix = new()
    {
        [Role.Admin] = [.. Enum.GetValues<Permission>()],
        [Role.Official] = [Permission.ReadRecords, Permission.WriteRecords, Permission.ReadPersonal, Permission.ReadIndicators, Permission.ReadLedger, Permission.AcknowledgeAlarms],
        [Role.GridWorker] = [Permission.ReadRecords, Permission.WriteRecordsOwnGrids, Permission.ReadPersonalOwnGrids, Permission.ReadIndicators, Permission.ReadLedger],
        [Role.Viewer] = [Permission.ReadRecords, Permission.ReadIndicators, Permission.ReadLedger],
        [Role.Engineer] = [Permission.ReadRecords, Permission.ReadIndicators, Permission.ReadLedger, Permission.ReadMetrics, Permission.ReadDiagnostics,
            Permission.AcknowledgeAlarms, Permission.SimulateDoors, Permission.UnlockDoors],
    };

    public static bool Has(Role role, Permission permission) => Matrix[role].Contains(permission);

    public static IReadOnlySet<Permission> Of(Role role) => Matrix[role];
}
