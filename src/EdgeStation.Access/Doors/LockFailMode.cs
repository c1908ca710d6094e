namespace EdgeStation.Access.Doors;

/// <summary>What a door does when the station loses power or stops: the lock's own nature, wired to match (docs/access.md).</summary>
public enum LockFailMode
{
    /// <summary>断电开门: the lock opens without power (a magnetic lock, fire-escape doors); the relay is energised to lock.</summary>
    FailSafe,
    /// <summary>断电关门: the lock stays locked without power (an electric strike, the archive room); the relay is energised to unlock.</summary>
    FailSecure,
}
