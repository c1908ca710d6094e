using EdgeStation.Access.Doors;

namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>
/// 门禁状态: each door's state as the page opens (doors.js then keeps it live from /api/doors/stream), and the buttons
/// the role allows: 开门 for who may unlock, 正常/封锁/常开 for who may set a door's mode.
/// </summary>
public sealed record DoorsPage(LayoutModel Layout, IReadOnlyList<DoorController> Doors, bool CanUnlock, bool CanSetMode, bool CanReadEvents);
