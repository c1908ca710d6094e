using EdgeStation.Domain.Records;
using EdgeStation.Sync.V1;

namespace EdgeStation.Sync.Summaries;

/// <summary>
/// Counts records by kind and workflow status for a summary. A status this build does not know is counted
/// as unspecified rather than sent as text: the wire carries no free strings.
/// </summary>
public sealed class RecordStateTally
{
    private readonly Dictionary<(RecordKind, RecordState), uint> _counts = [];

    public void Add(RecordType type, string? status, bool voided)
    {
        var key = (Kind(type), voided ? RecordState.Voided : State(status));
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>The counts in (kind, state) order, so the same records always give the same bytes.</summary>
    public IEnumerable<RecordStateCount> Counts() =>
        _counts.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2)
            .Select(c => new RecordStateCount { Kind = c.Key.Item1, State = c.Key.Item2, Count = c.Value });

    public static RecordKind Kind(RecordType type) => type switch
    {
        RecordType.Dispute => RecordKind.Dispute,
        RecordType.Petition => RecordKind.Petition,
        RecordType.Case => RecordKind.Case,
        RecordType.Lawsuit => RecordKind.Lawsuit,
        RecordType.Cult => RecordKind.Cult,
        RecordType.GridEvent => RecordKind.GridEvent,
        _ => RecordKind.Unspecified,
    };

    /// <summary>The wire state of a workflow status (src/EdgeStation.Domain/Workflows/Workflows.cs).</summary>
    public static RecordState State(string? status) => status switch
    {
        "reported" => RecordState.Reported,
        "assessed" => RecordState.Assessed,
        "assigned" => RecordState.Assigned,
        "mediating" => RecordState.Mediating,
        "resolved" => RecordState.Resolved,
        "escalated" => RecordState.Escalated,
        "closed-unresolved" => RecordState.ClosedUnresolved,
        "received" => RecordState.Received,
        "accepted" => RecordState.Accepted,
        "declined" => RecordState.Declined,
        "completed" => RecordState.Completed,
        "filed" => RecordState.Filed,
        "closed" => RecordState.Closed,
        "handled" => RecordState.Handled,
        _ => RecordState.Unspecified,
    };
}
