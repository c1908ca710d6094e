using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// The one rule for which deadlines a record has on a day. The kiosk's due list, `records show`, the demo summary
/// and the indicators all ask here, so an overdue step the indicators count is one an official can see.
/// </summary>
public sealed class RecordDeadlines
{
    private readonly PetitionDeadlines _petitions;
    private readonly DisputeDeadlines _disputes;

    public RecordDeadlines(StationSettings settings, HolidayCalendar calendar)
    {
        Time = new StationTime(settings.TimeZone);
        _petitions = new PetitionDeadlines(settings.PetitionRules, new DeadlineCalculator(calendar), Time);
        _disputes = new DisputeDeadlines(settings.DisputeDeadlines, Time);
    }

    public StationTime Time { get; }

    /// <summary>
    /// Every deadline the record has as of <paramref name="asOf"/>, met or not, earliest due first. A deadline
    /// appears once the step that starts it has happened (completion after acceptance, follow-up after resolution).
    /// Voided records and records reported after the day have none.
    /// </summary>
    public IReadOnlyList<RecordDeadline> All(RecordSnapshot record, DateOnly asOf)
    {
        if (record.Voided || Time.LocalDate(record.ReportedAt) > asOf)
        {
            return [];
        }
        var list = new List<RecordDeadline>(3);
        switch (record.Type)
        {
            case RecordType.Dispute:
                list.Add(new(DeadlineKind.DisputeAssessment, _disputes.Assessment(record, asOf)));
                list.Add(new(DeadlineKind.DisputeResolution, _disputes.Resolution(record, asOf)));
                if (_disputes.FollowUp(record, asOf) is { } followUp)
                {
                    list.Add(new(DeadlineKind.DisputeFollowUp, followUp));
                }
                break;
            case RecordType.Petition:
                list.Add(new(DeadlineKind.PetitionAcceptance, _petitions.Acceptance(record, asOf)));
                if (_petitions.Completion(record, asOf) is { } completion)
                {
                    list.Add(new(DeadlineKind.PetitionCompletion, completion));
                }
                break;
        }
        list.Sort((a, b) => a.Status.Due.CompareTo(b.Status.Due));
        return list;
    }

    /// <summary>The deadlines not yet met on <paramref name="asOf"/> (due or overdue), earliest due first.</summary>
    public IEnumerable<RecordDeadline> Open(RecordSnapshot record, DateOnly asOf) =>
        All(record, asOf).Where(d => !d.Status.IsMet);

    /// <summary>The deadlines past due and not met on <paramref name="asOf"/>.</summary>
    public IEnumerable<RecordDeadline> Overdue(RecordSnapshot record, DateOnly asOf) =>
        All(record, asOf).Where(d => d.IsOverdue(asOf));
}
