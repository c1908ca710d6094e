using System.Threading.Channels;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// An RS-485 bus in memory with simulated readers on it: what the panel writes reaches every reader at once, and a
/// reader's reply is on the line for the panel's next read. Everything that crosses the wire is kept in
/// <see cref="Wire"/> (what an eavesdropper on the bus would record), and <see cref="Tamper"/> can change a reply in flight.
/// </summary>
public sealed class SimulatedOsdpBus : IOsdpConnection
{
    private readonly Dictionary<byte, SimulatedOsdpReader> _readers = [];
    private readonly OsdpFrameReader _frames = new();
    private readonly Channel<byte[]> _toPanel = Channel.CreateUnbounded<byte[]>();
    private byte[]? _unread;
    private int _unreadAt;

    public SimulatedOsdpReader Attach(SimulatedOsdpReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _readers.Add(reader.Address, reader);
        return reader;
    }

    /// <summary>Every transmission on the bus, in order: (from the panel?, bytes).</summary>
    public List<(bool FromPanel, byte[] Bytes)> Wire { get; } = [];

    /// <summary>Changes a reply on its way to the panel (noise, a man in the middle); null: untouched.</summary>
    public Func<byte[], byte[]>? Tamper { get; set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Wire.Add((true, bytes.ToArray()));
        foreach (var reply in Replies(_frames.Feed(bytes.Span)))
        {
            Inject(Tamper is { } tamper ? tamper(reply) : reply);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Puts bytes on the line towards the panel, as a reader (or an attacker) would.</summary>
    public void Inject(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Wire.Add((false, bytes));
        _toPanel.Writer.TryWrite(bytes);
    }

    /// <summary>Sends recorded bytes to the readers, as an attacker replaying a command would.</summary>
    public IReadOnlyList<byte[]> Replay(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return [.. Replies(new OsdpFrameReader().Feed(bytes))];
    }

    /// <summary>What the readers answer to these packets, in order (each reader ignores packets not for it).</summary>
    private List<byte[]> Replies(IReadOnlyList<OsdpReceived> packets)
    {
        var replies = new List<byte[]>();
        foreach (var received in packets)
        {
            foreach (var reader in _readers.Values)
            {
                if (reader.Handle(received) is { } reply)
                {
                    replies.Add(reply);
                }
            }
        }
        return replies;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_unread is null)
        {
            _unread = await _toPanel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _unreadAt = 0;
        }
        var n = Math.Min(buffer.Length, _unread.Length - _unreadAt);
        _unread.AsMemory(_unreadAt, n).CopyTo(buffer);
        _unreadAt += n;
        if (_unreadAt == _unread.Length)
        {
            _unread = null;
        }
        return n;
    }

    public void Dispose() => _toPanel.Writer.TryComplete();
}
