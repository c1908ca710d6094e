namespace EdgeStation.Station.Accounts;

/// <summary>What <c>&lt;data-dir&gt;/run/service.json</c> says about the running service (<see cref="ServiceRunFiles"/>).</summary>
/// <param name="Urls">The addresses it listens on, as Kestrel reports them.</param>
/// <param name="CertificateSha256">SHA-256 of its TLS certificate (hex) when it serves HTTPS, for the CLI to pin.</param>
public sealed record ServiceInfo(IReadOnlyList<string> Urls, string DataDir, int Pid, string? CertificateSha256);
