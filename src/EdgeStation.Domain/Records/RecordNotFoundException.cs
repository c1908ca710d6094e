namespace EdgeStation.Domain.Records;

/// <summary>No record has the given id. Exit code 2, HTTP 404.</summary>
public sealed class RecordNotFoundException(string id)
    : RecordInputException($"no record '{id}' (see 'edgestation records list')")
{
    public string Id { get; } = id;
}
