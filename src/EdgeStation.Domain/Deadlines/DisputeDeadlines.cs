using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// Per-colour dispute deadlines, in calendar days from the report (no holiday roll-over: a red dispute
/// does not wait for the Spring Festival to end), and the follow-up visit (回访) after resolution.
/// </summary>
public sealed class DisputeDeadlines(DisputeDeadlineSettings settings, StationTime time)
{
    public static readonly IReadOnlySet<string> Finished = new HashSet<string> { "resolved", "escalated", "closed-unresolved" };

    /// <summary>评估: the risk assessment is due a few days after the report.</summary>
    public DeadlineStatus Assessment(RecordSnapshot dispute, DateOnly asOf)
    {
        var due = time.LocalDate(dispute.ReportedAt).AddDays(settings.AssessmentDays);
        return new DeadlineStatus(due, MetBy(dispute.Mark("assess"), asOf));
    }

    public DeadlineStatus Resolution(RecordSnapshot dispute, DateOnly asOf)
    {
        var reported = time.LocalDate(dispute.ReportedAt);
        var due = reported.AddDays(settings.ResolutionDays(dispute.Text(FieldKeys.Risk)));
        var finished = dispute.Mark("resolve") ?? dispute.Mark("escalate") ?? dispute.Mark("close-unresolved");
        return new DeadlineStatus(due, MetBy(finished, asOf));
    }

    /// <summary>Null until the dispute is resolved.</summary>
    public DeadlineStatus? FollowUp(RecordSnapshot dispute, DateOnly asOf)
    {
        if (dispute.Mark("resolve") is not { } resolved || time.LocalDate(resolved) > asOf)
        {
            return null;
        }
        var due = time.LocalDate(resolved).AddDays(settings.FollowUpDays);
        return new DeadlineStatus(due, MetBy(dispute.Mark("follow-up"), asOf));
    }

    private DateOnly? MetBy(DateTimeOffset? at, DateOnly asOf) =>
        at is { } a && time.LocalDate(a) is var day && day <= asOf ? day : null;
}
