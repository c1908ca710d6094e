using EdgeStation.Access.Decisions;

namespace EdgeStation.Access.Osdp;

/// <summary>Which door, and which side of it, an OSDP reader (bus address and reader number on it) serves.</summary>
public readonly record struct OsdpReaderBinding(byte Address, byte Reader, int DoorId, ReaderDirection Direction);
