using EdgeStation.Domain.Doors;

namespace EdgeStation.Storage.Access;

/// <summary>An access event as the log stored it, with its number in access.db (increasing in the order written).</summary>
public sealed record StoredAccessEvent(long Id, AccessEvent Event);
