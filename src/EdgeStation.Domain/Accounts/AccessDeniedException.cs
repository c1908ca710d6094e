namespace EdgeStation.Domain.Accounts;

/// <summary>The acting user's role does not allow this. HTTP 403; nothing is written.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
