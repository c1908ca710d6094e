namespace EdgeStation.Domain.Deadlines;

/// <summary>One deadline of one record as it stands on a day: which kind, and its due day and when it was met.</summary>
public sealed record RecordDeadline(DeadlineKind Kind, DeadlineStatus Status)
{
    /// <summary>The short name the CLI prints and the kiosk's text key ends with ("deadline." + Name).</summary>
    public string Name => Kind switch
    {
        DeadlineKind.DisputeAssessment => "assess",
        DeadlineKind.DisputeResolution => "resolve",
        DeadlineKind.DisputeFollowUp => "follow-up",
        DeadlineKind.PetitionAcceptance => "accept",
        DeadlineKind.PetitionCompletion => "complete",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    public bool IsOverdue(DateOnly asOf) => Status.IsOverdue(asOf);
}
