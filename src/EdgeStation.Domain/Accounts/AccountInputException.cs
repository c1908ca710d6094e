namespace EdgeStation.Domain.Accounts;

/// <summary>A wrong account name, role, grid or weak password/PIN, or a change that would leave no admin. Exit code 2, HTTP 400.</summary>
public sealed class AccountInputException(string message) : Exception(message);
