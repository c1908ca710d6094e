using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

public sealed class GridEventIndicatorTests
{
    private static readonly DateOnly Date = Cst.Day(2026, 3, 31);
    private readonly IndicatorFixture _station = new();

    private void Closed(DateTimeOffset reported, DateTimeOffset closed) =>
        _station.Records.Act(_station.Records.GridEvent(reported), "close", closed);

    [Fact]
    public void Grid_event_closed_rate_is_closed_over_collected()
    {
        Closed(Cst.At(2026, 3, 1), Cst.At(2026, 3, 2));
        Closed(Cst.At(2026, 3, 3), Cst.At(2026, 3, 4));
        Closed(Cst.At(2026, 3, 5), Cst.At(2026, 3, 6));
        _station.Records.GridEvent(Cst.At(2026, 3, 7));

        Assert.Equal(0.75, _station.On(Date).GridEventClosedRate!.Value, 4);
    }

    [Fact]
    public void Grid_event_closed_after_the_date_counts_as_open()
    {
        Closed(Cst.At(2026, 3, 30), Cst.At(2026, 4, 1));

        Assert.Equal(new Domain.Indicators.GridEventFigures(1, 0), _station.On(Date).GridEvents);
    }

    [Fact]
    public void Grid_event_closed_rate_is_null_without_events()
    {
        Assert.Null(_station.On(Date).GridEventClosedRate);
    }

    [Fact]
    public void Voided_grid_event_is_not_collected()
    {
        _station.Records.Void(_station.Records.GridEvent(Cst.At(2026, 3, 1)), Cst.At(2026, 3, 1, 12), "test");

        Assert.Equal(0, _station.On(Date).GridEvents.Collected);
    }
}
