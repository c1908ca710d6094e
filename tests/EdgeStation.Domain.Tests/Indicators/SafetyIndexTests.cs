using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>
/// 平安指数 for the month of the date. Default weights: no cases 20, no escalated petitions 15, no lawsuits 10,
/// no cults 10, dispute resolution 20, petitions on time 15, grid events closed 10 (total 100); penalty 0.5 per incident.
/// </summary>
public sealed class SafetyIndexTests
{
    private static readonly DateOnly Date = Cst.Day(2026, 3, 31);
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Quiet_month_scores_one_hundred()
    {
        Assert.Equal(100.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void One_case_in_the_month_takes_off_weight_times_penalty()
    {
        // 100 - 20 × 0.5 = 90.
        _station.Records.Case(Cst.At(2026, 3, 10));

        Assert.Equal(90.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void One_lawsuit_in_the_month_takes_off_its_own_weight_times_penalty()
    {
        // 100 - 10 × 0.5 = 95.
        _station.Records.Lawsuit(Cst.At(2026, 3, 10));

        Assert.Equal(95.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Case_last_month_does_not_lower_this_month()
    {
        _station.Records.Case(Cst.At(2026, 2, 27));

        Assert.Equal(100.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Many_cases_floor_the_component_at_zero()
    {
        // Three cases: 1 - 1.5 floored to 0 -> 100 - 20 = 80.
        _station.Records.Case(Cst.At(2026, 3, 10));
        _station.Records.Case(Cst.At(2026, 3, 11));
        _station.Records.Case(Cst.At(2026, 3, 12));

        Assert.Equal(80.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Case_component_shows_score_and_points()
    {
        _station.Records.Case(Cst.At(2026, 3, 10));

        Assert.Equal(new Domain.Indicators.SafetyIndexComponent("noCases", 20, 0.5, 10), _station.On(Date).SafetyIndexComponents[0]);
    }

    [Fact]
    public void Half_of_disputes_resolved_takes_off_half_the_resolution_weight()
    {
        // 100 - 20 × 0.5 = 90.
        var records = _station.Records;
        records.Act(records.Act(records.Act(records.Dispute(Cst.At(2026, 3, 1)), "assess", Cst.At(2026, 3, 1, 11), new() { Risk = "green" }),
            "assign", Cst.At(2026, 3, 1, 12), new() { AssignedTo = "调解员" }), "resolve", Cst.At(2026, 3, 5));
        records.Dispute(Cst.At(2026, 3, 20));

        Assert.Equal(90.0, _station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Doubling_the_case_weight_rescales_the_index()
    {
        // Weights total 120; one case: 100 - 40 × 0.5 × 100/120 = 83.33 -> 83.3.
        var station = new IndicatorFixture(new StationSettings { SafetyIndex = new SafetyIndexWeights { NoCases = 40 } });
        station.Records.Case(Cst.At(2026, 3, 10));

        Assert.Equal(83.3, station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Higher_incident_penalty_takes_off_more_per_case()
    {
        // 100 - 20 × 0.8 = 84.
        var station = new IndicatorFixture(new StationSettings { SafetyIndex = new SafetyIndexWeights { IncidentPenalty = 0.8 } });
        station.Records.Case(Cst.At(2026, 3, 10));

        Assert.Equal(84.0, station.On(Date).SafetyIndex);
    }

    [Fact]
    public void Quiet_month_with_reweighted_components_still_scores_one_hundred()
    {
        var station = new IndicatorFixture(new StationSettings { SafetyIndex = new SafetyIndexWeights { NoCases = 40, GridEventClosure = 0 } });

        Assert.Equal(100.0, station.On(Date).SafetyIndex);
    }
}
