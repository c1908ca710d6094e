using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>
/// 31 Dec → 1 Jan: deadline steps count in the period they fall due in (met in it, or open and past due), so a
/// December petition neither vanishes on 1 January nor completes uncounted.
/// </summary>
public sealed class YearBoundaryTests
{
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Regression_december_petition_still_open_vanished_on_1_january()
    {
        // Received Thu 12-10: acceptance due Fri 12-25.
        _station.Records.Petition(Cst.At(2026, 12, 10));

        var december = _station.On(Cst.Day(2026, 12, 31)).Petitions;
        var january = _station.On(Cst.Day(2027, 1, 1)).Petitions;
        Assert.Equal((1, 1, 0), (december.Overdue, december.AcceptanceDue, december.AcceptedOnTime));
        Assert.Equal((1, 1, 0), (january.Overdue, january.AcceptanceDue, january.AcceptedOnTime));
    }

    [Fact]
    public void Regression_december_petition_still_open_scored_full_marks_in_january()
    {
        _station.Records.Petition(Cst.At(2026, 12, 10));

        Assert.Equal(0.0, _station.On(Cst.Day(2027, 1, 1)).PetitionOnTimeRate);
    }

    [Fact]
    public void Regression_january_completion_of_a_december_petition_counted_nowhere()
    {
        // Received Fri 11-20, accepted Mon 11-23: completion due 2027-01-22; completed 2027-01-10.
        var petition = _station.Records.Petition(Cst.At(2026, 11, 20));
        petition = _station.Records.Act(petition, "accept", Cst.At(2026, 11, 23));
        _station.Records.Act(petition, "complete", Cst.At(2027, 1, 10));

        var december = _station.On(Cst.Day(2026, 12, 31)).Petitions;
        var january = _station.On(Cst.Day(2027, 1, 10)).Petitions;
        Assert.Equal((0, 0), (december.CompletionDue, december.CompletedOnTime));
        Assert.Equal((1, 1), (january.CompletionDue, january.CompletedOnTime));
    }

    [Fact]
    public void Step_met_last_year_does_not_count_again()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 12, 1));
        _station.Records.Act(petition, "accept", Cst.At(2026, 12, 3));

        Assert.Equal(0, _station.On(Cst.Day(2027, 1, 5)).Petitions.AcceptanceDue);
    }

    [Fact]
    public void Regression_december_dispute_still_open_stopped_being_overdue_on_1_january()
    {
        _station.Records.Dispute(Cst.At(2026, 12, 1), risk: "red");

        Assert.Equal((1, 1), (_station.On(Cst.Day(2026, 12, 31)).Disputes.Overdue, _station.On(Cst.Day(2027, 1, 1)).Disputes.Overdue));
    }

    [Fact]
    public void Petitions_received_count_only_this_year()
    {
        _station.Records.Petition(Cst.At(2026, 12, 10));

        Assert.Equal(0, _station.On(Cst.Day(2027, 1, 1)).Petitions.Received);
    }
}
