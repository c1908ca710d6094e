using CsCheck;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Wiegand;

public sealed class WiegandDecoderTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly WiegandDecoder _decoder;

    public WiegandDecoderTests()
    {
        _decoder = new WiegandDecoder(_time);
    }

    private WiegandFrame? Send(IEnumerable<bool> bits, TimeSpan? spacing = null)
    {
        WiegandFrame? ended = null;
        foreach (var b in bits)
        {
            ended ??= _decoder.Bit(b ? 1 : 0);
            _time.Advance(spacing ?? TimeSpan.FromMilliseconds(2));
        }
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        return ended ?? _decoder.Flush();
    }

    private static IEnumerable<bool> Bits(string text) => text.Select(c => c == '1');

    [Fact]
    public void Known_26_bit_frame_decodes_to_its_facility_and_number()
    {
        // Facility 1, number 1: payload 00000001 0000000000000001; first half has one 1 → even parity bit 1; second half one 1 → odd parity bit 0.
        var frame = Send(Bits("1" + "00000001" + "0000000000000001" + "0"));
        Assert.Equal(WiegandFrameKind.Card, frame!.Value.Kind);
        Assert.Equal(CardId.Wiegand(1, 1), frame.Value.Card);
    }

    [Fact]
    public void Card_26_round_trips_through_encode_and_decode()
    {
        Gen.Select(Gen.UInt[0, 255], Gen.UInt[0, 65535]).Sample((fc, n) =>
        {
            var frame = WiegandDecoder.Decode(Pack(WiegandDecoder.Encode(26, fc, n)), 26);
            Assert.Equal(CardId.Wiegand(fc, n), frame.Card);
        });
    }

    [Fact]
    public void Card_34_round_trips_through_encode_and_decode()
    {
        Gen.Select(Gen.UInt[0, 65535], Gen.UInt[0, 65535]).Sample((fc, n) =>
        {
            var frame = WiegandDecoder.Decode(Pack(WiegandDecoder.Encode(34, fc, n)), 34);
            Assert.Equal(CardId.Wiegand(fc, n), frame.Card);
        });
    }

    [Fact]
    public void Any_single_flipped_bit_is_rejected_for_parity()
    {
        Gen.Select(Gen.Bool.Select(b => b ? 26 : 34), Gen.UInt[0, 255], Gen.UInt[0, 65535], Gen.Int[0, 33]).Sample((len, fc, n, flip) =>
        {
            var bits = WiegandDecoder.Encode(len, fc, n);
            var at = flip % len;
            bits[at] = !bits[at];
            var frame = WiegandDecoder.Decode(Pack(bits), len);
            Assert.Equal(WiegandRejection.Parity, frame.Rejection);
        });
    }

    [Fact]
    public void Frame_with_any_bit_missing_is_rejected_never_guessed()
    {
        Gen.Select(Gen.Bool.Select(b => b ? 26 : 34), Gen.UInt[0, 255], Gen.UInt[0, 65535], Gen.Int[0, 33]).Sample((len, fc, n, drop) =>
        {
            var bits = WiegandDecoder.Encode(len, fc, n).ToList();
            bits.RemoveAt(drop % len);
            var frame = WiegandDecoder.Decode(Pack([.. bits]), len - 1);
            Assert.Equal(WiegandFrameKind.Rejected, frame.Kind);
            Assert.Equal(WiegandRejection.Length, frame.Rejection);
        });
    }

    [Theory]
    [InlineData("0000", '0')]
    [InlineData("0111", '7')]
    [InlineData("1001", '9')]
    [InlineData("1010", '*')]
    [InlineData("1011", '#')]
    public void Four_bit_burst_is_a_key(string bits, char key)
    {
        var frame = Send(Bits(bits));
        Assert.Equal(WiegandFrameKind.Key, frame!.Value.Kind);
        Assert.Equal(key, frame.Value.Key);
    }

    [Fact]
    public void Four_bit_code_that_is_no_key_is_rejected()
    {
        Assert.Equal(WiegandRejection.KeyCheck, Send(Bits("1100"))!.Value.Rejection);
    }

    [Fact]
    public void Eight_bit_burst_with_its_complement_is_a_key()
    {
        // '5' = 0101, complement 1010 in the high nibble.
        Assert.Equal('5', Send(Bits("10100101"))!.Value.Key);
    }

    [Fact]
    public void Eight_bit_burst_without_its_complement_is_rejected()
    {
        Assert.Equal(WiegandRejection.KeyCheck, Send(Bits("00000101"))!.Value.Rejection);
    }

    [Fact]
    public void Bits_spaced_just_under_the_frame_gap_stay_one_frame()
    {
        var frame = Send(WiegandDecoder.Encode(26, 3, 4), spacing: WiegandDecoder.DefaultFrameGap - TimeSpan.FromTicks(1));
        Assert.Equal(CardId.Wiegand(3, 4), frame!.Value.Card);
    }

    [Fact]
    public void Pause_of_a_frame_gap_inside_a_frame_splits_it_into_two_rejected_frames()
    {
        var bits = WiegandDecoder.Encode(26, 3, 4);
        var first = Send(bits[..10]);
        var second = Send(bits[10..]);
        Assert.Equal(WiegandRejection.Length, first!.Value.Rejection);
        Assert.Equal(WiegandRejection.Length, second!.Value.Rejection);
        Assert.Equal(2, _decoder.RejectedFrames);
    }

    [Fact]
    public void Flush_before_the_gap_has_passed_keeps_the_frame_open()
    {
        _decoder.Bit(1);
        _time.Advance(WiegandDecoder.DefaultFrameGap - TimeSpan.FromTicks(1));
        Assert.Null(_decoder.Flush());
        Assert.True(_decoder.Pending);
    }

    [Fact]
    public void Overlong_chatter_is_rejected_as_one_frame()
    {
        var frame = Send(Enumerable.Repeat(true, 100));
        Assert.Equal(WiegandRejection.Length, frame!.Value.Rejection);
        Assert.Equal(1, _decoder.RejectedFrames);
        Assert.False(_decoder.Pending);
    }

    [Fact]
    public void Accepted_and_rejected_frames_are_counted_apart()
    {
        Send(WiegandDecoder.Encode(26, 1, 2));
        Send(Bits("1"));
        Assert.Equal(1, _decoder.AcceptedFrames);
        Assert.Equal(1, _decoder.RejectedFrames);
    }

    private static ulong Pack(bool[] bits) => bits.Aggregate(0UL, (acc, b) => (acc << 1) | (b ? 1UL : 0UL));
}
