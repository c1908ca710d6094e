namespace EdgeStation.Domain.Doors;

/// <summary>A malformed card number, an unknown person, door or level, a PIN of the wrong length. Exit code 2, HTTP 400; nothing changed.</summary>
public sealed class AccessInputException(string message) : Exception(message);
