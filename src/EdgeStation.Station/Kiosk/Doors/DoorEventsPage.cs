using EdgeStation.Access.Doors;
using EdgeStation.Storage.Access;

namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>通行记录: the access event log filtered, newest first; person and card only for <see cref="SeesWho"/>.</summary>
public sealed record DoorEventsPage(LayoutModel Layout, IReadOnlyList<StoredAccessEvent> Events, DoorEventFilter Filter, IReadOnlyList<DoorController> Doors, bool SeesWho, TimeZoneInfo Zone);
