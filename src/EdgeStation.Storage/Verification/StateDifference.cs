namespace EdgeStation.Storage.Verification;

/// <summary>One place where what is stored (and read) differs from what the ledger says: which record, account or counter, and which field.</summary>
public sealed record StateDifference(string Subject, string Field, string Detail)
{
    public override string ToString() => $"{Subject} {Field}: {Detail}";
}
