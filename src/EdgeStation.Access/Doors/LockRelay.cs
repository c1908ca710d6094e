using System.Device.Gpio;

namespace EdgeStation.Access.Doors;

/// <summary>
/// Maps "unlocked or not" to the relay pin's level. A fail-safe lock is powered to lock, a fail-secure one powered to
/// unlock; an active-low relay board (most cheap Pi modules) energises on Low. <see cref="Unpowered"/> is the level
/// that de-energises the relay: what the station writes on shutdown, so that a stop behaves like a power cut.
/// </summary>
public readonly record struct LockRelay(bool ActiveHigh, LockFailMode FailMode)
{
    public bool Energised(bool unlocked) => FailMode == LockFailMode.FailSafe ? !unlocked : unlocked;

    public PinValue Level(bool unlocked) => Energised(unlocked) == ActiveHigh ? PinValue.High : PinValue.Low;

    public PinValue Unpowered => ActiveHigh ? PinValue.Low : PinValue.High;

    /// <summary>Whether the lock is open when the relay is not energised (power loss, process stopped).</summary>
    public bool UnlockedWithoutPower => FailMode == LockFailMode.FailSafe;
}
