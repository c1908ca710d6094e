namespace EdgeStation.Station.Accounts;

/// <summary>Request feature: the request came from the local CLI with the service's token; <paramref name="Actor"/> goes into the ledger.</summary>
public sealed record CliCaller(string Actor);
