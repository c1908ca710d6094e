namespace EdgeStation.Domain.Accounts;

/// <summary>What <see cref="PasswordHasher.Verify"/> found.</summary>
public enum PasswordVerification
{
    Failed,
    Success,
    /// <summary>Right, but hashed with fewer iterations than today's: store a fresh hash.</summary>
    SuccessRehashNeeded,
}
