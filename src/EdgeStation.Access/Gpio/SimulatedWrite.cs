using System.Device.Gpio;

namespace EdgeStation.Access.Gpio;

/// <summary>A write the station made to an output of the simulated chip, stamped with the injected monotonic clock.</summary>
public readonly record struct SimulatedWrite(int Pin, PinValue Level, long Timestamp);
