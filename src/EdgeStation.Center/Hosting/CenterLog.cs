using EdgeStation.Sync.V1;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Center.Hosting;

/// <summary>The center's log lines (source-generated).</summary>
internal static partial class CenterLog
{
    [LoggerMessage(1, LogLevel.Warning, "refused envelope {Seq}: it names station '{Claimed}' but the certificate is station '{Certified}'; nothing stored")]
    public static partial void StationMismatch(ILogger logger, ulong seq, string claimed, string certified);

    [LoggerMessage(2, LogLevel.Warning, "kept envelope {Seq} of station {Station} without understanding it: kind {Kind}, contract version {Version} ({Reason})")]
    public static partial void KeptUnknown(ILogger logger, string station, ulong seq, EnvelopeKind kind, uint version, AckReason reason);

    [LoggerMessage(3, LogLevel.Error, "alert #{Id} for station {Station} at ledger seq {Seq}: {Kind}: {Message}")]
    public static partial void AlertRaised(ILogger logger, long id, string station, ulong seq, string kind, string message);

    [LoggerMessage(4, LogLevel.Error, "could not store envelope {Seq} of station {Station}; acked CENTER_UNAVAILABLE")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string station, ulong seq);

    [LoggerMessage(5, LogLevel.Warning, "refused a TLS client certificate ({Subject}): {Why}")]
    public static partial void HandshakeRefused(ILogger logger, string subject, string why);

    [LoggerMessage(6, LogLevel.Warning, "station {Station} sent envelope {Seq} again with different contents; the first is kept")]
    public static partial void ConflictingDuplicate(ILogger logger, string station, ulong seq);

    [LoggerMessage(7, LogLevel.Information, "center listening on {Urls} (admin on {Admin}); {Stations} stations enrolled; data in {Store}")]
    public static partial void Listening(ILogger logger, string urls, string admin, int stations, string store);
}
