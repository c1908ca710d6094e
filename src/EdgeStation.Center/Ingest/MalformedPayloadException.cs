namespace EdgeStation.Center.Ingest;

/// <summary>A payload of a known kind whose contents are impossible (a digest that is not 32 bytes, seq 0).</summary>
public sealed class MalformedPayloadException(string message) : Exception(message);
