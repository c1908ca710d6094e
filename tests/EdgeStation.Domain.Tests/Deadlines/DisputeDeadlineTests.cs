using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

/// <summary>Defaults: red 5, yellow 15, green 30 calendar days from the report, follow-up 15 days after resolution.</summary>
public sealed class DisputeDeadlineTests
{
    private readonly RecordBuilder _records = new();
    private readonly DisputeDeadlines _deadlines = new(new DisputeDeadlineSettings(), new StationTime("Asia/Shanghai"));

    private RecordSnapshot Resolved(DateTimeOffset reported, DateTimeOffset resolved)
    {
        var dispute = _records.Dispute(reported, risk: RiskColour.Yellow);
        dispute = _records.Act(dispute, "assess", reported.AddHours(1));
        dispute = _records.Act(dispute, "assign", reported.AddHours(2), new() { AssignedTo = "mediation committee" });
        return _records.Act(dispute, "resolve", resolved);
    }

    [Fact]
    public void Red_dispute_is_due_five_days_after_the_report()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Red);

        Assert.Equal(Cst.Day(2026, 3, 6), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 1)).Due);
    }

    [Fact]
    public void Yellow_dispute_is_due_fifteen_days_after_the_report()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Yellow);

        Assert.Equal(Cst.Day(2026, 3, 16), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 1)).Due);
    }

    [Fact]
    public void Green_dispute_is_due_thirty_days_after_the_report_across_a_month_end()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 15), risk: RiskColour.Green);

        Assert.Equal(Cst.Day(2026, 4, 14), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 15)).Due);
    }

    [Fact]
    public void Unassessed_dispute_gets_the_green_deadline()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 15));

        Assert.Equal(Cst.Day(2026, 4, 14), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 15)).Due);
    }

    [Fact]
    public void Red_dispute_deadline_does_not_roll_over_the_spring_festival()
    {
        // Reported 2026-02-13; day 5 is 2026-02-18, in the middle of 春节; it stays.
        var dispute = _records.Dispute(Cst.At(2026, 2, 13), risk: RiskColour.Red);

        Assert.Equal(Cst.Day(2026, 2, 18), _deadlines.Resolution(dispute, Cst.Day(2026, 2, 13)).Due);
    }

    [Fact]
    public void Dispute_deadline_counts_from_the_local_day_of_the_report()
    {
        // 00:30 on 03-01 in Shanghai is still 02-28 in UTC; counting from the UTC day would give 03-05.
        var dispute = _records.Dispute(Cst.At(2026, 3, 1, hour: 0, minute: 30), risk: RiskColour.Red);

        Assert.Equal(Cst.Day(2026, 3, 6), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 1)).Due);
    }

    [Fact]
    public void Reassessing_a_dispute_to_red_shortens_its_deadline()
    {
        var dispute = _records.Act(_records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Green), "assess", Cst.At(2026, 3, 2), new() { Risk = RiskColour.Red });

        Assert.Equal(Cst.Day(2026, 3, 6), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 2)).Due);
    }

    [Fact]
    public void Configured_red_days_change_the_red_deadline()
    {
        var deadlines = new DisputeDeadlines(new DisputeDeadlineSettings { RedDays = 3 }, new StationTime("Asia/Shanghai"));
        var dispute = _records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Red);

        Assert.Equal(Cst.Day(2026, 3, 4), deadlines.Resolution(dispute, Cst.Day(2026, 3, 1)).Due);
    }

    [Fact]
    public void Open_red_dispute_is_overdue_the_sixth_day()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Red);

        Assert.True(_deadlines.Resolution(dispute, Cst.Day(2026, 3, 7)).IsOverdue(Cst.Day(2026, 3, 7)));
    }

    [Fact]
    public void Escalating_a_red_dispute_meets_its_deadline()
    {
        var dispute = _records.Act(_records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Red), "assess", Cst.At(2026, 3, 1, 11));
        dispute = _records.Act(dispute, "escalate", Cst.At(2026, 3, 4));

        Assert.Equal(Cst.Day(2026, 3, 4), _deadlines.Resolution(dispute, Cst.Day(2026, 3, 31)).MetOn);
    }

    [Fact]
    public void Follow_up_has_no_deadline_before_resolution()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 1), risk: RiskColour.Red);

        Assert.Null(_deadlines.FollowUp(dispute, Cst.Day(2026, 3, 31)));
    }

    [Fact]
    public void Follow_up_is_due_fifteen_days_after_resolution()
    {
        var dispute = Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 20));

        Assert.Equal(Cst.Day(2026, 4, 4), _deadlines.FollowUp(dispute, Cst.Day(2026, 3, 20))!.Value.Due);
    }

    [Fact]
    public void Follow_up_has_no_deadline_as_of_a_day_before_resolution()
    {
        var dispute = Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 20));

        Assert.Null(_deadlines.FollowUp(dispute, Cst.Day(2026, 3, 19)));
    }

    [Fact]
    public void Follow_up_visit_meets_the_follow_up_deadline()
    {
        var dispute = _records.Act(Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 20)), "follow-up", Cst.At(2026, 4, 2));

        Assert.True(_deadlines.FollowUp(dispute, Cst.Day(2026, 4, 30))!.Value.MetOnTime);
    }
}
