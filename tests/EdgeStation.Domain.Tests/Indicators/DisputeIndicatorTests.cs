using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>Disputes reported this year to date: 化解率, colours, overdue, follow-ups.</summary>
public sealed class DisputeIndicatorTests
{
    private static readonly DateOnly Date = Cst.Day(2026, 3, 31);
    private readonly IndicatorFixture _station = new();

    private RecordSnapshot Assigned(DateTimeOffset reported, string risk)
    {
        var records = _station.Records;
        var dispute = records.Act(records.Dispute(reported), "assess", reported.AddHours(1), new() { Risk = risk });
        return records.Act(dispute, "assign", reported.AddHours(2), new() { AssignedTo = "调解员" });
    }

    private RecordSnapshot Resolved(DateTimeOffset reported, DateTimeOffset resolved, string risk = RiskColour.Yellow) =>
        _station.Records.Act(Assigned(reported, risk), "resolve", resolved);

    [Fact]
    public void Resolution_rate_is_resolved_over_disputes_reported_this_year()
    {
        Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 5));
        Resolved(Cst.At(2026, 3, 2), Cst.At(2026, 3, 6));
        Assigned(Cst.At(2026, 3, 3), RiskColour.Green);

        Assert.Equal(0.6667, _station.On(Date).DisputeResolutionRate!.Value, 4);
    }

    [Fact]
    public void Resolution_rate_is_null_without_disputes()
    {
        Assert.Null(_station.On(Date).DisputeResolutionRate);
    }

    [Fact]
    public void Escalated_and_closed_unresolved_disputes_are_finished_but_not_resolved()
    {
        var records = _station.Records;
        records.Act(Assigned(Cst.At(2026, 3, 1), RiskColour.Red), "escalate", Cst.At(2026, 3, 2));
        records.Act(Assigned(Cst.At(2026, 3, 1), RiskColour.Yellow), "close-unresolved", Cst.At(2026, 3, 10), new() { Note = "moved away" });
        Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 5));

        var disputes = _station.On(Date).Disputes;
        Assert.Equal((3, 1, 1, 1, 0), (disputes.Accepted, disputes.Resolved, disputes.Escalated, disputes.ClosedUnresolved, disputes.Open));
    }

    [Fact]
    public void Disputes_are_counted_by_colour_with_unassessed_apart()
    {
        Assigned(Cst.At(2026, 3, 1), RiskColour.Red);
        Assigned(Cst.At(2026, 3, 2), RiskColour.Yellow);
        Assigned(Cst.At(2026, 3, 3), RiskColour.Yellow);
        Assigned(Cst.At(2026, 3, 4), RiskColour.Green);
        _station.Records.Dispute(Cst.At(2026, 3, 5));

        Assert.Equal(new RiskCounts(1, 2, 1, 1), _station.On(Date).Disputes.ByColour);
    }

    [Fact]
    public void Open_yellow_dispute_is_not_overdue_on_its_fifteenth_day()
    {
        Assigned(Cst.At(2026, 3, 1), RiskColour.Yellow);

        Assert.Equal(0, _station.On(Cst.Day(2026, 3, 16)).Disputes.Overdue);
    }

    [Fact]
    public void Open_yellow_dispute_is_overdue_on_its_sixteenth_day()
    {
        Assigned(Cst.At(2026, 3, 1), RiskColour.Yellow);

        Assert.Equal(1, _station.On(Cst.Day(2026, 3, 17)).Disputes.Overdue);
    }

    [Fact]
    public void Dispute_resolved_late_is_not_counted_as_overdue()
    {
        Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 20), RiskColour.Red);

        Assert.Equal(0, _station.On(Date).Disputes.Overdue);
    }

    [Fact]
    public void Dispute_resolved_after_the_date_is_still_open_on_the_date()
    {
        Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 4, 3));

        var disputes = _station.On(Date).Disputes;
        Assert.Equal((0, 1), (disputes.Resolved, disputes.Open));
    }

    [Fact]
    public void Dispute_reported_last_year_is_not_counted()
    {
        Resolved(Cst.At(2025, 12, 20), Cst.At(2026, 1, 5));

        Assert.Equal(0, _station.On(Date).Disputes.Accepted);
    }

    [Fact]
    public void Voided_dispute_is_not_counted()
    {
        _station.Records.Void(Assigned(Cst.At(2026, 3, 1), RiskColour.Red), Cst.At(2026, 3, 2), "duplicate");

        Assert.Equal(0, _station.On(Date).Disputes.Accepted);
    }

    [Fact]
    public void Resolved_dispute_without_a_follow_up_after_fifteen_days_has_an_overdue_follow_up()
    {
        // Resolved 03-04: follow-up due 03-19.
        Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 4));

        Assert.Equal(1, _station.On(Date).Disputes.FollowUpsOverdue);
    }

    [Fact]
    public void Resolved_dispute_with_a_follow_up_has_none_overdue()
    {
        _station.Records.Act(Resolved(Cst.At(2026, 3, 1), Cst.At(2026, 3, 4)), "follow-up", Cst.At(2026, 3, 25));

        Assert.Equal(0, _station.On(Date).Disputes.FollowUpsOverdue);
    }

    [Fact]
    public void A_dispute_not_assessed_within_three_days_counts_as_assessment_overdue()
    {
        _station.Records.Dispute(Cst.At(2026, 3, 27)); // due 03-30
        _station.Records.Dispute(Cst.At(2026, 3, 28)); // due 03-31: not yet late

        Assert.Equal(1, _station.On(Date).Disputes.AssessmentsOverdue);
    }

    [Fact]
    public void An_assessed_dispute_is_not_assessment_overdue()
    {
        Assigned(Cst.At(2026, 3, 1), RiskColour.Green);

        Assert.Equal(0, _station.On(Date).Disputes.AssessmentsOverdue);
    }
}
