namespace EdgeStation.Access.Osdp;

/// <summary>
/// Cuts a byte stream from the RS-485 line into packets. Bytes before SOM are skipped; a packet whose length or check is
/// wrong is dropped, counted, and the search for SOM resumes one byte after the false start (so a real packet hidden
/// behind noise is still found). Never guesses a packet it did not receive whole. Not thread-safe.
/// </summary>
public sealed class OsdpFrameReader
{
    // Header (5) + code (1) + checksum (1).
    private const int MinPacketLength = 7;

    private byte[] _buffer = new byte[256];
    private int _count;

    public long RejectedFrames { get; private set; }
    public long SkippedBytes { get; private set; }
    public OsdpFrameRejection LastRejection { get; private set; }

    /// <summary>Adds received bytes and returns every packet they complete, each with its raw bytes (SOM to check) for MAC checks.</summary>
    public IReadOnlyList<OsdpReceived> Feed(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
        }
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
        List<OsdpReceived>? found = null;
        var at = 0;
        while (true)
        {
            var som = Array.IndexOf(_buffer, OsdpFrameCodec.StartOfMessage, at, _count - at);
            if (som < 0)
            {
                SkippedBytes += _count - at;
                at = _count;
                break;
            }
            SkippedBytes += som - at;
            at = som;
            if (_count - at < 5)
            {
                break; // the length is not here yet
            }
            var length = _buffer[at + 2] | (_buffer[at + 3] << 8);
            if (length < MinPacketLength || length > OsdpFrameCodec.MaxPacketLength)
            {
                Reject(OsdpFrameRejection.BadLength);
                at++;
                continue;
            }
            if (_count - at < length)
            {
                break; // wait for the rest
            }
            var packet = _buffer.AsSpan(at, length);
            if (!CheckHolds(packet))
            {
                Reject(OsdpFrameRejection.BadCheck);
                at++;
                continue;
            }
            var parsed = OsdpFrameCodec.Parse(packet, out var why);
            if (parsed is null)
            {
                Reject(why);
                at++;
                continue;
            }
            (found ??= []).Add(new OsdpReceived(parsed, packet.ToArray()));
            at += length;
        }
        _buffer.AsSpan(at, _count - at).CopyTo(_buffer);
        _count -= at;
        return found ?? (IReadOnlyList<OsdpReceived>)[];
    }

    /// <summary>Forgets bytes of an unfinished packet (a new exchange starts after a timeout).</summary>
    public void Reset() => _count = 0;

    private void Reject(OsdpFrameRejection why)
    {
        RejectedFrames++;
        LastRejection = why;
    }

    private static bool CheckHolds(ReadOnlySpan<byte> packet)
    {
        if ((packet[4] & 0x04) != 0)
        {
            var crc = OsdpIntegrity.Crc16(packet[..^2]);
            return packet[^2] == (byte)crc && packet[^1] == (byte)(crc >> 8);
        }
        return packet[^1] == OsdpIntegrity.Checksum8(packet[..^1]);
    }
}
