namespace EdgeStation.Access.Wiegand;

/// <summary>
/// Turns Wiegand bits into frames (韦根 26/34 cards, 4- and 8-bit keypad bursts). Pure logic with an injected clock:
/// a reader sends bits about 1–2 ms apart, so a silence of <see cref="FrameGap"/> ends a frame, and a bit that
/// arrives after such a silence starts a new one. A frame is accepted only whole: the length must be a supported
/// one and the parity (or the key's complement) must hold; anything else is counted in <see cref="RejectedFrames"/>
/// and dropped, never padded or guessed. Not thread-safe: <see cref="WiegandReader"/> serialises calls.
/// </summary>
public sealed class WiegandDecoder
{
    /// <summary>Ten times the slowest common bit interval (2 ms), well under a person's second swipe.</summary>
    public static readonly TimeSpan DefaultFrameGap = TimeSpan.FromMilliseconds(25);
    /// <summary>Longer bursts are noise (a loose wire chattering); they are cut and rejected.</summary>
    public const int MaxBits = 64;

    private readonly TimeProvider _time;
    private ulong _bits;
    private int _count;
    private long _lastBit;

    public WiegandDecoder(TimeProvider time, TimeSpan? frameGap = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        FrameGap = frameGap ?? DefaultFrameGap;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FrameGap, TimeSpan.Zero);
    }

    public TimeSpan FrameGap { get; }
    public long RejectedFrames { get; private set; }
    public long AcceptedFrames { get; private set; }
    /// <summary>Bits of an unfinished frame are waiting.</summary>
    public bool Pending => _count > 0;

    /// <summary>
    /// One bit (0 from the D0 line, 1 from D1). If the previous bit is older than the frame gap, the frame it ended
    /// is decoded first and returned; otherwise null.
    /// </summary>
    public WiegandFrame? Bit(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(bit is 0 or 1, true, nameof(bit));
        var now = _time.GetTimestamp();
        WiegandFrame? ended = null;
        if (_count > 0 && _time.GetElapsedTime(_lastBit, now) >= FrameGap)
        {
            ended = Finish();
        }
        _lastBit = now;
        if (_count < MaxBits)
        {
            _bits = (_bits << 1) | (uint)bit;
        }
        // Past MaxBits only the fact of an overlong frame is kept.
        _count = Math.Min(_count + 1, MaxBits + 1);
        return ended;
    }

    /// <summary>Ends the frame now, as if the frame gap had passed (a simulated reader that knows its burst is over); null if no bits wait.</summary>
    public WiegandFrame? End() => _count == 0 ? null : Finish();

    /// <summary>Ends the frame if the line has been quiet for the frame gap (the reader's timer calls this); null if nothing ended.</summary>
    public WiegandFrame? Flush()
    {
        if (_count == 0 || _time.GetElapsedTime(_lastBit) < FrameGap)
        {
            return null;
        }
        return Finish();
    }

    private WiegandFrame Finish()
    {
        var bits = _bits;
        var count = _count;
        _bits = 0;
        _count = 0;
        var frame = count > MaxBits ? WiegandFrame.Rejected(count, WiegandRejection.Length) : Decode(bits, count);
        if (frame.Kind == WiegandFrameKind.Rejected)
        {
            RejectedFrames++;
        }
        else
        {
            AcceptedFrames++;
        }
        return frame;
    }

    /// <summary>Decodes a whole frame, most significant (first received) bit first.</summary>
    public static WiegandFrame Decode(ulong bits, int count) => count switch
    {
        26 => Card(bits, 26, facilityBits: 8, numberBits: 16),
        34 => Card(bits, 34, facilityBits: 16, numberBits: 16),
        4 => Key4(bits & 0xF, 4),
        8 => ((bits >> 4) & 0xF) == (~bits & 0xF) ? Key4(bits & 0xF, 8) : WiegandFrame.Rejected(8, WiegandRejection.KeyCheck),
        _ => WiegandFrame.Rejected(count, WiegandRejection.Length),
    };

    /// <summary>Even parity over the first half (leading bit included), odd parity over the second half (trailing bit included).</summary>
    private static WiegandFrame Card(ulong bits, int count, int facilityBits, int numberBits)
    {
        var half = count / 2;
        var first = bits >> half;
        var second = bits & ((1UL << half) - 1);
        if (ulong.PopCount(first) % 2 != 0 || ulong.PopCount(second) % 2 != 1)
        {
            return WiegandFrame.Rejected(count, WiegandRejection.Parity);
        }
        var payload = (bits >> 1) & ((1UL << (count - 2)) - 1);
        var number = (uint)(payload & ((1UL << numberBits) - 1));
        var facility = (uint)(payload >> numberBits) & ((1U << facilityBits) - 1);
        return WiegandFrame.OfCard(count, facility, number);
    }

    private static WiegandFrame Key4(ulong code, int bits) => code switch
    {
        <= 9 => WiegandFrame.OfKey(bits, (char)('0' + (int)code)),
        10 => WiegandFrame.OfKey(bits, '*'),
        11 => WiegandFrame.OfKey(bits, '#'),
        _ => WiegandFrame.Rejected(bits, WiegandRejection.KeyCheck),
    };

    /// <summary>The bits of a valid frame for a card, first bit first (for tests, the demo and <c>door simulate</c>).</summary>
    public static bool[] Encode(int count, uint facility, uint number)
    {
        var (facilityBits, numberBits) = count switch
        {
            26 => (8, 16),
            34 => (16, 16),
            _ => throw new ArgumentOutOfRangeException(nameof(count), count, "26 or 34"),
        };
        if (facility >= 1U << facilityBits || number >= 1U << numberBits)
        {
            throw new ArgumentOutOfRangeException(nameof(number), $"a {count}-bit card holds facility < {1U << facilityBits} and number < {1U << numberBits}");
        }
        var payload = ((ulong)facility << numberBits) | number;
        var half = count / 2;
        var body = payload << 1;
        var evenOver = body >> half;
        var oddOver = body & ((1UL << half) - 1);
        var lead = ulong.PopCount(evenOver) % 2 == 1 ? 1UL : 0UL;
        var trail = ulong.PopCount(oddOver) % 2 == 0 ? 1UL : 0UL;
        var frame = (lead << (count - 1)) | body | trail;
        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = ((frame >> (count - 1 - i)) & 1) == 1;
        }
        return result;
    }
}
