using EdgeStation.Domain.Doors;

namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>The event log page's filters (通行记录筛选): a door, a kind, a first day (station time), how many lines.</summary>
public sealed record DoorEventFilter(int? Door, AccessEventKind? Kind, DateOnly? Since, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
