namespace EdgeStation.Domain.Deadlines;

/// <summary>Every deadline a record can have; <see cref="RecordDeadlines"/> decides which apply.</summary>
public enum DeadlineKind
{
    /// <summary>评估: a dispute's risk assessment.</summary>
    DisputeAssessment,
    /// <summary>化解: a dispute resolved, escalated or closed.</summary>
    DisputeResolution,
    /// <summary>回访: the follow-up visit after a dispute is resolved.</summary>
    DisputeFollowUp,
    /// <summary>受理告知: telling the petitioner in writing whether and how the petition is handled.</summary>
    PetitionAcceptance,
    /// <summary>办结: a petition completed (plus any extension).</summary>
    PetitionCompletion,
}
