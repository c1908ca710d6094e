namespace EdgeStation.Station.Accounts;

/// <summary>
/// Success; a wrong name or secret (or a disabled account: indistinguishable); a name locked out for now; or the
/// attempt refused unheard because its address, its name or the station has too many attempts in hand.
/// </summary>
public enum LoginResult
{
    Success,
    Failed,
    Locked,
    Throttled,
}
