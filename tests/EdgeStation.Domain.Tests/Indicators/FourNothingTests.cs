using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>四无平安村 for the year to date.</summary>
public sealed class FourNothingTests
{
    private static readonly DateOnly Date = Cst.Day(2026, 3, 31);
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Quiet_year_achieves_four_nothing()
    {
        Assert.True(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Case_this_year_loses_four_nothing()
    {
        _station.Records.Case(Cst.At(2026, 1, 5));

        Assert.False(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Four_nothing_counts_each_kind_of_incident_this_year()
    {
        _station.Records.Case(Cst.At(2026, 1, 5));
        _station.Records.Case(Cst.At(2026, 2, 5));
        _station.Records.Lawsuit(Cst.At(2026, 2, 10));
        _station.Records.Cult(Cst.At(2026, 3, 1));
        _station.Records.Petition(Cst.At(2026, 3, 2), level: "city");

        Assert.Equal(new Domain.Indicators.FourNothingStatus(2026, false, 2, 1, 1, 1), _station.On(Date).FourNothing);
    }

    [Fact]
    public void Case_last_year_does_not_count_against_this_year()
    {
        _station.Records.Case(Cst.At(2025, 12, 31, 23));

        Assert.True(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Case_just_after_local_midnight_on_new_year_counts_for_the_new_year()
    {
        // 07:00 on 2026-01-01 in Shanghai is still 2025-12-31 in UTC.
        _station.Records.Case(Cst.At(2026, 1, 1, 7));

        Assert.Equal(1, _station.On(Date).FourNothing.Cases);
    }

    [Fact]
    public void Petition_escalated_only_to_the_township_keeps_four_nothing()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });

        Assert.True(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Voided_lawsuit_keeps_four_nothing()
    {
        var lawsuit = _station.Records.Lawsuit(Cst.At(2026, 2, 10));
        _station.Records.Void(lawsuit, Cst.At(2026, 2, 11), "entered twice");

        Assert.True(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Cult_report_after_the_date_does_not_count_yet()
    {
        _station.Records.Cult(Cst.At(2026, 4, 1));

        Assert.True(_station.On(Date).FourNothing.Achieved);
    }

    [Fact]
    public void Report_names_the_year_of_the_date()
    {
        Assert.Equal(2026, _station.On(Date).FourNothing.Year);
    }

    [Fact]
    public void Petition_is_not_escalated_as_of_a_day_when_it_had_only_reached_the_township()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 20), new() { Level = "county" });

        Assert.Equal(0, _station.On(Cst.Day(2026, 3, 10)).FourNothing.EscalatedPetitions);
    }

    [Fact]
    public void Petition_received_at_county_level_is_escalated_from_receipt_even_if_escalated_again_later()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2), level: "county");
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 20), new() { Level = "city" });

        Assert.Equal(1, _station.On(Cst.Day(2026, 3, 10)).FourNothing.EscalatedPetitions);
    }
}
