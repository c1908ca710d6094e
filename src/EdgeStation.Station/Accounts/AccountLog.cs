namespace EdgeStation.Station.Accounts;

/// <summary>Login events for the journal (source-generated logging). Never a password, PIN or session id.</summary>
internal static partial class AccountLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "login: {Name} ({Role})")]
    public static partial void LoggedIn(ILogger logger, string name, string role);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "login name '{Name}' locked for {Seconds} s after {Failures} failed attempts in a row")]
    public static partial void Locked(ILogger logger, string name, int seconds, int failures);
}
