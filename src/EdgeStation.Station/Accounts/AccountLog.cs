namespace EdgeStation.Station.Accounts;

/// <summary>
/// Login events for the journal (source-generated logging). Never a password, PIN or session id; a name that has no
/// account is not written either (it may be a password typed into the wrong field).
/// </summary>
internal static partial class AccountLog
{
    public const string NoSuchAccount = "(no such account)";

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "login: {Name} ({Role}) from {Address}")]
    public static partial void LoggedIn(ILogger logger, string name, string role, string address);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "login name '{Name}' locked for {Seconds} s after {Failures} failed attempts in a row")]
    public static partial void Locked(ILogger logger, string name, int seconds, int failures);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "login failed: {Name} from {Address}{Console}, {Failures} in a row")]
    public static partial void Failed(ILogger logger, string name, string address, int failures, string console);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "login from {Address} refused unheard: too many attempts in hand")]
    public static partial void Busy(ILogger logger, string address);

    /// <summary>Where a slow check's time went: waiting at its PBKDF2 gate, or the hash itself (slow when the CPU is busy).</summary>
    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "slow login check from {Address}: {WaitMs} ms waiting for a PBKDF2 slot, {HashMs} ms hashing")]
    public static partial void SlowCheck(ILogger logger, string address, int waitMs, int hashMs);
}
