namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>The door pages' own tabs: 门禁状态, 报警记录, and 通行记录 for who may read the log.</summary>
public sealed record DoorTabs(UiText Text, string Active, bool CanReadEvents);
