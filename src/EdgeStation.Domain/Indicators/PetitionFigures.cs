namespace EdgeStation.Domain.Indicators;

/// <summary>Petitions received this year to date, and where their legal deadlines stand.</summary>
public sealed record PetitionFigures(
    int Received, int Collective, int Repeat, int Escalated,
    int AcceptanceDue, int AcceptedOnTime, int CompletionDue, int CompletedOnTime,
    int Overdue, int Rated, int Satisfied);
