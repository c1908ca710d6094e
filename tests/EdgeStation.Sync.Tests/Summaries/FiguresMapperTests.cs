using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Sync.Summaries;
using EdgeStation.Sync.V1;

namespace EdgeStation.Sync.Tests.Summaries;

public sealed class FiguresMapperTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void Rates_travel_as_the_counts_they_were_computed_from()
    {
        var report = Report() with
        {
            Disputes = new DisputeFigures(11293, 10908, 12, 3, 370, 5, 1, new RiskCounts(2, 40, 11000, 251)),
        };

        var figures = FiguresMapper.From(report);

        Assert.Equal((10908u, 11293u), (figures.DisputeResolution.Numerator, figures.DisputeResolution.Denominator));
        Assert.Equal(2u, figures.Disputes.Red);
    }

    [Fact]
    public void Every_safety_index_component_the_station_computes_has_a_wire_name()
    {
        var figures = FiguresMapper.From(Report());

        Assert.Equal(7, figures.SafetyIndex.Components.Count);
        Assert.DoesNotContain(figures.SafetyIndex.Components, c => c.Component == SafetyComponent.Unspecified);
        Assert.Equal(10000u, figures.SafetyIndex.IndexCenti);
        Assert.Equal(20_000u, figures.SafetyIndex.Components[0].WeightMilli);
    }

    [Fact]
    public void Streaks_and_dates_are_carried()
    {
        var figures = FiguresMapper.From(Report());

        Assert.Equal(20261130u, figures.AsOfDate);
        Assert.Equal(new DateOnly(2026, 1, 1), FiguresMapper.FromYyyymmdd(figures.StationStartDate));
        Assert.Equal((uint)(Today.DayNumber - new DateOnly(2026, 1, 1).DayNumber), figures.Streaks.NoCases);
        Assert.True(figures.FourNothing.Achieved);
    }

    [Fact]
    public void Every_workflow_status_has_a_wire_state()
    {
        var statuses = new[] { "reported", "assessed", "assigned", "mediating", "resolved", "escalated", "closed-unresolved",
            "received", "accepted", "declined", "completed", "filed", "closed", "handled" };

        Assert.DoesNotContain(statuses, s => RecordStateTally.State(s) == RecordState.Unspecified);
    }

    [Fact]
    public void Tally_counts_voided_records_apart_in_a_fixed_order()
    {
        var tally = new RecordStateTally();
        tally.Add(RecordType.Petition, "accepted", voided: false);
        tally.Add(RecordType.Dispute, "resolved", voided: false);
        tally.Add(RecordType.Dispute, "resolved", voided: false);
        tally.Add(RecordType.Dispute, "resolved", voided: true);

        var counts = tally.Counts().Select(c => (c.Kind, c.State, c.Count)).ToList();

        Assert.Equal(
            [(RecordKind.Dispute, RecordState.Resolved, 2u), (RecordKind.Dispute, RecordState.Voided, 1u), (RecordKind.Petition, RecordState.Accepted, 1u)],
            counts);
    }

    private static IndicatorReport Report() =>
        new IndicatorCalculator(new StationSettings(), HolidayCalendar.Official).Compute([], Today, new DateOnly(2026, 1, 1));
}
