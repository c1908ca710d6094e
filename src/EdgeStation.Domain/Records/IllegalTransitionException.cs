namespace EdgeStation.Domain.Records;

/// <summary>The action is not allowed from the record's current status (or the record is void). Exit code 2, HTTP 409.</summary>
public sealed class IllegalTransitionException(string message) : RecordInputException(message);
