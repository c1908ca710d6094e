using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// A loopback TCP proxy between a station and the center that breaks connections on purpose: each accepted connection
/// meets the next <see cref="ConnectionFault"/> queued (then <see cref="FaultKind.Pass"/>). It sees only TLS bytes, so
/// faults are placed by byte counts; it never reads the clock, so a held connection stays held until the test releases
/// it. <see cref="TargetPort"/> can change between connections (a center restarted on another port).
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private const int ChunkBytes = 16 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<ConnectionFault> _queued = new();
    private readonly ConcurrentQueue<ConnectionFault> _met = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _targetPort;
    private long _upstream;
    private long _downstream;

    public FaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>What a station's bundle names: the center's server certificate is issued for 127.0.0.1.</summary>
    public Uri Endpoint => new($"https://127.0.0.1:{Port}");

    public int TargetPort
    {
        get => Volatile.Read(ref _targetPort);
        set => Volatile.Write(ref _targetPort, value);
    }

    /// <summary>The faults the connections so far met, in order (for a failing test's message).</summary>
    public IReadOnlyList<ConnectionFault> Met => [.. _met];

    public long UpstreamBytes => Interlocked.Read(ref _upstream);
    public long DownstreamBytes => Interlocked.Read(ref _downstream);

    /// <summary>The next connections meet these, in order; after them connections pass.</summary>
    public void Enqueue(params ConnectionFault[] faults)
    {
        foreach (var f in faults)
        {
            _queued.Enqueue(f);
        }
    }

    /// <summary>Forgets the faults no connection has met yet.</summary>
    public void Clear() => _queued.Clear();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var fault = _queued.TryDequeue(out var next) ? next : ConnectionFault.Pass();
            _met.Enqueue(fault);
            _ = Task.Run(() => ServeAsync(client, fault));
        }
    }

    private async Task ServeAsync(Socket client, ConnectionFault fault)
    {
        client.NoDelay = true;
        if (fault.Kind == FaultKind.Refuse)
        {
            fault.Strike();
            Abort(client);
            return;
        }
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, TargetPort, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Abort(client); // the center is down: the station sees its connection reset
            server.Dispose();
            return;
        }
        var link = new Link(client, server);
        _links[link] = 0;
        try
        {
            var upstream = fault.Direction == FlowDirection.Upstream ? fault : null;
            var downstream = fault.Direction == FlowDirection.Downstream ? fault : null;
            await Task.WhenAll(
                PumpAsync(client, server, upstream, link, n => Interlocked.Add(ref _upstream, n)),
                PumpAsync(server, client, downstream, link, n => Interlocked.Add(ref _downstream, n)));
        }
        finally
        {
            link.Close();
            _links.TryRemove(link, out _);
        }
    }

    /// <summary>One direction: a reader that drains the source as fast as it can, and a writer that applies the fault.</summary>
    private async Task PumpAsync(Socket from, Socket to, ConnectionFault? fault, Link link, Action<int> counted)
    {
        var chunks = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(from, chunks.Writer);
        var passed = 0L;
        var struck = fault is null || fault.Kind == FaultKind.Pass;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync())
            {
                var data = chunk.AsMemory();
                if (!struck && passed + data.Length > fault!.AfterBytes)
                {
                    var before = (int)(fault.AfterBytes - passed);
                    await SendAsync(to, data[..before], counted);
                    data = data[before..];
                    struck = true;
                    fault.Strike();
                    switch (fault.Kind)
                    {
                        case FaultKind.Reset:
                            link.Reset();
                            return;
                        case FaultKind.Truncate:
                            link.Close();
                            return;
                        case FaultKind.Drop:
                            await fault.Released;
                            link.Reset();
                            return;
                        case FaultKind.Delay:
                            await fault.Released; // the reader keeps taking bytes meanwhile: they wait in the channel
                            break;
                    }
                }
                passed += data.Length;
                await SendAsync(to, data, counted);
            }
            await reading;
            to.Shutdown(SocketShutdown.Send); // the source closed cleanly: pass the FIN on
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or ChannelClosedException)
        {
            link.Reset(); // either side failing ends the connection for both, as a broken link would
        }
    }

    private static async Task ReadAsync(Socket from, ChannelWriter<byte[]> chunks)
    {
        var buffer = new byte[ChunkBytes];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    chunks.TryComplete();
                    return;
                }
                chunks.TryWrite(buffer.AsSpan(0, n).ToArray());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            chunks.TryComplete(new ChannelClosedException(e));
        }
    }

    private static async Task SendAsync(Socket to, ReadOnlyMemory<byte> data, Action<int> counted)
    {
        while (data.Length > 0)
        {
            var n = await to.SendAsync(data, SocketFlags.None);
            counted(n);
            data = data[n..];
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST, not FIN
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already gone
        }
        socket.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var link in _links.Keys)
        {
            link.Reset();
        }
        _accepting.GetAwaiter().GetResult();
        _stop.Dispose();
    }

    /// <summary>The two sockets of one proxied connection, closed together.</summary>
    private sealed class Link(Socket client, Socket server)
    {
        private int _closed;

        public void Reset()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                Abort(client);
                Abort(server);
            }
        }

        public void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                foreach (var s in new[] { client, server })
                {
                    try
                    {
                        s.Shutdown(SocketShutdown.Both);
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        // already gone
                    }
                    s.Dispose();
                }
            }
        }
    }
}
