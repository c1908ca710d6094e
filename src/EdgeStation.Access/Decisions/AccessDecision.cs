namespace EdgeStation.Access.Decisions;

/// <summary>
/// The answer for one attempt. <see cref="Duress"/>: granted, and a silent alarm must go up. <see cref="PassbackViolation"/>:
/// a soft anti-passback breach let through and logged. <see cref="StartsFirstIn"/>: this grant starts first-person-in.
/// </summary>
public readonly record struct AccessDecision(bool Granted, DecisionReason Reason, string? PersonId)
{
    public bool Duress { get; init; }
    public bool PassbackViolation { get; init; }
    public bool StartsFirstIn { get; init; }

    public static AccessDecision Deny(DecisionReason reason, string? person = null) => new(false, reason, person);
}
