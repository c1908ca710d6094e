namespace EdgeStation.Station.Accounts;

/// <summary>Success; a wrong name or secret (or a disabled account: indistinguishable); or a name locked out for now.</summary>
public enum LoginResult
{
    Success,
    Failed,
    Locked,
}
