using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// A write that came with an idempotency key: keys are per actor (two users' keys never meet), and the entry stored
/// for it carries <see cref="Key"/> in its content (<see cref="RecordEvent.Request"/>).
/// </summary>
public sealed record IdempotentRequest(string Actor, RequestKey Key)
{
    /// <summary>The id of the key in the station database's <c>requests</c> collection.</summary>
    internal static string IndexId(string actor, string key) => actor + "\n" + key;

    internal string IndexId() => IndexId(Actor, Key.Key);
}
