using EdgeStation.Access.Alarms;

namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>报警记录: the alarms the board keeps (the last 200), newest first, who acknowledged only for <see cref="SeesWho"/>.</summary>
public sealed record DoorAlarmsPage(LayoutModel Layout, IReadOnlyList<Alarm> Alarms, bool SeesWho, bool CanAcknowledge, bool CanReadEvents, TimeZoneInfo Zone);
