namespace EdgeStation.Domain.Accounts;

/// <summary>What a person is at the station. Names on the command line and in JSON: <see cref="RoleNames"/>.</summary>
public enum Role
{
    /// <summary>Everything, including the accounts themselves.</summary>
    Admin,
    /// <summary>Village official (村干部): every record of every grid, personal fields included.</summary>
    Official,
    /// <summary>Grid worker (网格员): writes records of their own grid(s); personal fields only there.</summary>
    GridWorker,
    /// <summary>Reads records and figures without personal fields; writes nothing.</summary>
    Viewer,
    /// <summary>Field engineer: health, metrics and diagnostics; records without personal fields; writes nothing.</summary>
    Engineer,
}
