using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

/// <summary>信访工作条例 第二十三条: tell the petitioner in writing within 15 days of receipt; the receipt day is not counted.</summary>
public sealed class PetitionAcceptanceDeadlineTests
{
    private readonly RecordBuilder _records = new();
    private readonly PetitionDeadlines _deadlines =
        new(PetitionDeadlineRules.Default, new DeadlineCalculator(HolidayCalendar.Official), new StationTime("Asia/Shanghai"));

    private DateOnly DueFor(DateTimeOffset received) =>
        _deadlines.Acceptance(_records.Petition(received), DateOnly.FromDateTime(received.Date)).Due;

    [Fact]
    public void Petition_acceptance_is_due_fifteen_days_after_receipt_on_a_working_day()
    {
        // Received Mon 2026-03-02; day 15 is Tue 2026-03-17.
        Assert.Equal(Cst.Day(2026, 3, 17), DueFor(Cst.At(2026, 3, 2)));
    }

    [Fact]
    public void Petition_acceptance_due_crosses_a_month_end()
    {
        // 2026-01-20 + 15 = Wed 2026-02-04.
        Assert.Equal(Cst.Day(2026, 2, 4), DueFor(Cst.At(2026, 1, 20)));
    }

    [Fact]
    public void Petition_acceptance_due_crosses_a_year_end()
    {
        // 2025-12-31 + 15 = Thu 2026-01-15.
        Assert.Equal(Cst.Day(2026, 1, 15), DueFor(Cst.At(2025, 12, 31)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_new_year_holiday()
    {
        // 2025-12-17 + 15 = 2026-01-01 (元旦); 01-02 and 01-03 rest too; 01-04 is a make-up Sunday.
        Assert.Equal(Cst.Day(2026, 1, 4), DueFor(Cst.At(2025, 12, 17)));
    }

    [Fact]
    public void Petition_acceptance_due_on_a_make_up_sunday_does_not_roll_over()
    {
        // 2025-12-20 + 15 = Sun 2026-01-04, an official working day.
        Assert.Equal(Cst.Day(2026, 1, 4), DueFor(Cst.At(2025, 12, 20)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_spring_festival_2026()
    {
        // 2026-02-01 + 15 = Mon 2026-02-16, inside 春节 (02-15 to 02-23); next working day Tue 02-24.
        Assert.Equal(Cst.Day(2026, 2, 24), DueFor(Cst.At(2026, 2, 1)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_spring_festival_2025()
    {
        // 2025-01-14 + 15 = Wed 2025-01-29, inside 春节 (01-28 to 02-04); next working day Wed 02-05.
        Assert.Equal(Cst.Day(2025, 2, 5), DueFor(Cst.At(2025, 1, 14)));
    }

    [Fact]
    public void Petition_acceptance_due_on_the_spring_festival_make_up_saturday_does_not_roll_over()
    {
        // 2026-01-30 + 15 = Sat 2026-02-14, a make-up workday.
        Assert.Equal(Cst.Day(2026, 2, 14), DueFor(Cst.At(2026, 1, 30)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_national_day_2025()
    {
        // 2025-09-16 + 15 = Wed 2025-10-01; 国庆+中秋 rest to 10-08; next working day Thu 10-09.
        Assert.Equal(Cst.Day(2025, 10, 9), DueFor(Cst.At(2025, 9, 16)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_national_day_2026()
    {
        // 2026-09-16 + 15 = Thu 2026-10-01; rest to 10-07; next working day Thu 10-08.
        Assert.Equal(Cst.Day(2026, 10, 8), DueFor(Cst.At(2026, 9, 16)));
    }

    [Fact]
    public void Petition_acceptance_due_on_the_national_day_make_up_sunday_does_not_roll_over()
    {
        // 2026-09-05 + 15 = Sun 2026-09-20, a make-up workday.
        Assert.Equal(Cst.Day(2026, 9, 20), DueFor(Cst.At(2026, 9, 5)));
    }

    [Fact]
    public void Petition_acceptance_due_rolls_over_qingming_weekend_across_a_month_end()
    {
        // 2026-03-20 + 15 = Sat 2026-04-04 (清明, 04-04 to 04-06); next working day Tue 04-07.
        Assert.Equal(Cst.Day(2026, 4, 7), DueFor(Cst.At(2026, 3, 20)));
    }

    [Fact]
    public void Petition_acceptance_in_a_year_without_schedule_falls_back_to_weekends_only()
    {
        // 2027 has no published schedule: 2027-09-16 + 15 = Fri 2027-10-01, kept although it will be National Day.
        Assert.Equal(Cst.Day(2027, 10, 1), DueFor(Cst.At(2027, 9, 16)));
    }

    [Fact]
    public void Petition_acceptance_in_a_year_without_schedule_rolls_a_saturday_to_monday()
    {
        // 2027-02-05 + 15 = Sat 2027-02-20 -> Mon 2027-02-22.
        Assert.Equal(Cst.Day(2027, 2, 22), DueFor(Cst.At(2027, 2, 5)));
    }

    [Fact]
    public void Petition_acceptance_counts_from_the_local_day_of_receipt()
    {
        // 07:00 in Shanghai on 03-02 is still 03-01 in UTC; counting from 03-01 would give 03-16.
        Assert.Equal(Cst.Day(2026, 3, 17), DueFor(Cst.At(2026, 3, 2, hour: 7)));
    }

    [Fact]
    public void Petition_acceptance_counts_from_the_given_received_at_not_the_reporting_day()
    {
        var petition = _records.Create(RecordType.Petition, Cst.At(2026, 3, 10),
            (FieldKeys.Channel, "letter"), (FieldKeys.Persons, "1"), (FieldKeys.ReceivedAt, "2026-03-02"));

        Assert.Equal(Cst.Day(2026, 3, 17), _deadlines.Acceptance(petition, Cst.Day(2026, 3, 10)).Due);
    }

    [Fact]
    public void Petition_acceptance_is_met_by_the_day_of_the_accept_action()
    {
        var petition = _records.Act(_records.Petition(Cst.At(2026, 3, 2)), "accept", Cst.At(2026, 3, 9));

        Assert.Equal(Cst.Day(2026, 3, 9), _deadlines.Acceptance(petition, Cst.Day(2026, 3, 31)).MetOn);
    }

    [Fact]
    public void Petition_acceptance_is_met_by_a_decline_too()
    {
        var petition = _records.Act(_records.Petition(Cst.At(2026, 3, 2)), "decline", Cst.At(2026, 3, 18), new() { Note = "not a petition matter" });

        Assert.False(_deadlines.Acceptance(petition, Cst.Day(2026, 3, 31)).MetOnTime);
    }

    [Fact]
    public void Petition_acceptance_decided_after_the_as_of_day_is_not_yet_met()
    {
        var petition = _records.Act(_records.Petition(Cst.At(2026, 3, 2)), "accept", Cst.At(2026, 3, 20));

        Assert.True(_deadlines.Acceptance(petition, Cst.Day(2026, 3, 18)).IsOverdue(Cst.Day(2026, 3, 18)));
    }
}
