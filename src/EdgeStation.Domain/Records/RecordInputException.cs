namespace EdgeStation.Domain.Records;

/// <summary>The input was wrong (unknown type, missing field, bad date, illegal transition). Maps to exit code 2, HTTP 400.</summary>
public class RecordInputException(string message) : Exception(message);
