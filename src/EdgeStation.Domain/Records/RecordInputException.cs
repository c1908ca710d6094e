namespace EdgeStation.Domain.Records;

/// <summary>The input was wrong (unknown type, missing field, bad date, illegal transition). Maps to exit code 2.</summary>
public sealed class RecordInputException(string message) : Exception(message);
