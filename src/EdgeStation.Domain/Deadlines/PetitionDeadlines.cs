using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// The legal deadlines of one petition: tell the petitioner in writing how it is handled (第二十三条), then, for a
/// 申诉求决类 matter, complete it (第三十四条, plus any extension).
/// </summary>
public sealed class PetitionDeadlines(PetitionDeadlineRules rules, DeadlineCalculator calculator, StationTime time)
{
    public DeadlineStatus Acceptance(RecordSnapshot petition, DateOnly asOf)
    {
        var received = time.LocalDate(petition.Instant(FieldKeys.ReceivedAt) ?? petition.ReportedAt);
        var decided = petition.Mark("accept") ?? petition.Mark("decline");
        return new DeadlineStatus(calculator.LastDay(received, rules.Acceptance), MetBy(decided, asOf));
    }

    /// <summary>Null until the petition is accepted, and for a matter the completion rule does not cover.</summary>
    public DeadlineStatus? Completion(RecordSnapshot petition, DateOnly asOf)
    {
        if (!rules.Completion.AppliesToMatter(Matter(petition)) || petition.Mark("accept") is not { } accepted || time.LocalDate(accepted) > asOf)
        {
            return null;
        }
        var extension = petition.Mark("extend") is { } ext && time.LocalDate(ext) <= asOf
            ? (int)(petition.Number(FieldKeys.ExtensionDays) ?? 0)
            : 0;
        var due = calculator.LastDay(time.LocalDate(accepted), rules.Completion, extension);
        return new DeadlineStatus(due, MetBy(petition.Mark("complete"), asOf));
    }

    public static string Matter(RecordSnapshot petition) => petition.Text(FieldKeys.Matter) ?? PetitionMatter.Default;

    private DateOnly? MetBy(DateTimeOffset? at, DateOnly asOf) =>
        at is { } a && time.LocalDate(a) is var day && day <= asOf ? day : null;
}
