using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Deadlines;

/// <summary>信访工作条例 第三十四条: complete a claim within 60 days of acceptance, plus at most one extension of ≤ 30 days.</summary>
public sealed class PetitionCompletionDeadlineTests
{
    private readonly RecordBuilder _records = new();
    private readonly PetitionDeadlines _deadlines =
        new(PetitionDeadlineRules.Default, new DeadlineCalculator(HolidayCalendar.Official), new StationTime("Asia/Shanghai"));

    private RecordSnapshot AcceptedOn(DateTimeOffset accepted) =>
        _records.Act(_records.Petition(accepted.AddDays(-1)), "accept", accepted);

    private RecordSnapshot Extend(RecordSnapshot petition, DateTimeOffset at, int days) =>
        _records.Act(petition, "extend", at, new TransitionInput { Days = days.ToString(System.Globalization.CultureInfo.InvariantCulture), Reason = "needs a land survey", ApprovedBy = "主任" });

    [Fact]
    public void Completion_has_no_deadline_before_acceptance()
    {
        var petition = _records.Petition(Cst.At(2026, 3, 2));

        Assert.Null(_deadlines.Completion(petition, Cst.Day(2026, 3, 31)));
    }

    [Fact]
    public void Completion_has_no_deadline_as_of_a_day_before_acceptance()
    {
        var petition = AcceptedOn(Cst.At(2026, 3, 10));

        Assert.Null(_deadlines.Completion(petition, Cst.Day(2026, 3, 9)));
    }

    [Fact]
    public void Completion_is_due_sixty_days_after_acceptance_across_month_ends()
    {
        // Accepted Fri 2026-07-03; day 60 is Tue 2026-09-01 (July and August both have 31 days).
        var petition = AcceptedOn(Cst.At(2026, 7, 3));

        Assert.Equal(Cst.Day(2026, 9, 1), _deadlines.Completion(petition, Cst.Day(2026, 7, 3))!.Value.Due);
    }

    [Fact]
    public void Completion_due_rolls_over_labour_day_holiday()
    {
        // Accepted 2026-03-02; day 60 is Fri 2026-05-01 (劳动节 05-01 to 05-05); next working day Wed 05-06.
        var petition = AcceptedOn(Cst.At(2026, 3, 2));

        Assert.Equal(Cst.Day(2026, 5, 6), _deadlines.Completion(petition, Cst.Day(2026, 3, 2))!.Value.Due);
    }

    [Fact]
    public void Completion_due_crosses_a_year_end_and_rolls_over_new_year()
    {
        // Accepted 2025-11-02; day 60 is 2026-01-01 (元旦); 01-02, 01-03 rest; 01-04 is a make-up Sunday.
        var petition = AcceptedOn(Cst.At(2025, 11, 2));

        Assert.Equal(Cst.Day(2026, 1, 4), _deadlines.Completion(petition, Cst.Day(2025, 11, 2))!.Value.Due);
    }

    [Fact]
    public void Completion_with_a_thirty_day_extension_is_due_ninety_days_after_acceptance_rolled_over_national_day()
    {
        // Accepted 2026-07-03; day 90 is Thu 2026-10-01; 国庆 rest to 10-07; next working day Thu 10-08.
        var petition = Extend(AcceptedOn(Cst.At(2026, 7, 3)), Cst.At(2026, 8, 20), 30);

        Assert.Equal(Cst.Day(2026, 10, 8), _deadlines.Completion(petition, Cst.Day(2026, 8, 20))!.Value.Due);
    }

    [Fact]
    public void Completion_with_a_ten_day_extension_adds_exactly_ten_days()
    {
        // Accepted 2026-07-03; day 70 is Fri 2026-09-11.
        var petition = Extend(AcceptedOn(Cst.At(2026, 7, 3)), Cst.At(2026, 8, 20), 10);

        Assert.Equal(Cst.Day(2026, 9, 11), _deadlines.Completion(petition, Cst.Day(2026, 8, 20))!.Value.Due);
    }

    [Fact]
    public void Completion_extension_counts_only_from_the_day_it_was_granted()
    {
        var petition = Extend(AcceptedOn(Cst.At(2026, 7, 3)), Cst.At(2026, 8, 20), 30);

        Assert.Equal(Cst.Day(2026, 9, 1), _deadlines.Completion(petition, Cst.Day(2026, 8, 19))!.Value.Due);
    }

    [Fact]
    public void Completion_on_the_rolled_over_last_day_is_on_time()
    {
        var petition = _records.Act(AcceptedOn(Cst.At(2026, 3, 2)), "complete", Cst.At(2026, 5, 6, hour: 17));

        Assert.True(_deadlines.Completion(petition, Cst.Day(2026, 6, 30))!.Value.MetOnTime);
    }

    [Fact]
    public void Completion_the_day_after_the_last_day_is_late()
    {
        var petition = _records.Act(AcceptedOn(Cst.At(2026, 3, 2)), "complete", Cst.At(2026, 5, 7));

        Assert.False(_deadlines.Completion(petition, Cst.Day(2026, 6, 30))!.Value.MetOnTime);
    }

    [Fact]
    public void Completion_not_finished_after_the_last_day_is_overdue()
    {
        var petition = AcceptedOn(Cst.At(2026, 3, 2));

        Assert.True(_deadlines.Completion(petition, Cst.Day(2026, 5, 7))!.Value.IsOverdue(Cst.Day(2026, 5, 7)));
    }
}
