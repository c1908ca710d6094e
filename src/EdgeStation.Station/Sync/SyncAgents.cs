using System.Collections.Concurrent;

namespace EdgeStation.Station.Sync;

/// <summary>
/// The agents of the services running in this process, by data dir: a command the service runs for the command line
/// (`sync status`, `sync now` through POST /api/cli/read) finds the service's own outbox here instead of opening it twice.
/// </summary>
public static class SyncAgents
{
    private static readonly ConcurrentDictionary<string, SyncAgent> Running = new(StringComparer.Ordinal);

    public static void Register(SyncAgent agent) => Running[Key(agent.DataDir)] = agent;

    public static void Withdraw(SyncAgent agent) => Running.TryRemove(new KeyValuePair<string, SyncAgent>(Key(agent.DataDir), agent));

    public static SyncAgent? For(string dataDir) => Running.GetValueOrDefault(Key(dataDir));

    private static string Key(string dataDir) => Path.GetFullPath(dataDir).TrimEnd('/');
}
