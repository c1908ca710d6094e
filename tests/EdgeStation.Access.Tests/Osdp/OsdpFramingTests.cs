using System.Text;
using CsCheck;
using EdgeStation.Access.Osdp;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>OSDP framing: the CRC and checksum against published values, packets as bytes and back, and a line with noise on it.</summary>
public sealed class OsdpFramingTests
{
    [Fact]
    public void The_crc_is_crc16_aug_ccitt()
    {
        // The catalogue check value of CRC-16/AUG-CCITT (poly 0x1021, init 0x1D0F) over "123456789".
        Assert.Equal(0xE5CC, OsdpIntegrity.Crc16(Encoding.ASCII.GetBytes("123456789")));
        // A poll's header and code: the CRC another implementation's tests expect (bytes 0x60 0x90, LSB first).
        Assert.Equal(0x9060, OsdpIntegrity.Crc16([0x53, 0x65, 0x08, 0x00, 0x04, 0x60]));
    }

    [Fact]
    public void A_poll_is_the_bytes_other_implementations_send()
    {
        // osdp_POLL to address 0x65, sequence 0, with CRC: as libosdp's own tests expect it, mark byte first.
        var wire = OsdpFrameCodec.Encode(new OsdpPacket(0x65, 0, OsdpCommand.Poll, []));

        Assert.Equal(new byte[] { 0xFF, 0x53, 0x65, 0x08, 0x00, 0x04, 0x60, 0x60, 0x90 }, wire);
    }

    [Fact]
    public void The_checksum_makes_the_byte_sum_zero()
    {
        Gen.Byte.Array[1, 100].Sample(bytes =>
        {
            var sum = bytes.Sum(b => b) + OsdpIntegrity.Checksum8(bytes);
            Assert.Equal(0, sum & 0xFF);
        });
    }

    private static readonly Gen<OsdpPacket> Packets =
        Gen.Select(Gen.Byte[0, 0xFE], Gen.Int[0, 3], Gen.Byte, Gen.Byte.Array[0, 200], Gen.Bool, Gen.Int[0, 2])
            .Select((address, sequence, code, data, crc, scb) => new OsdpPacket(address, sequence, code, data)
            {
                UseCrc = crc,
                Security = scb switch
                {
                    1 => OsdpSecurityBlock.Of(SecurityBlockType.Challenge, 0x01),
                    2 => OsdpSecurityBlock.Of(SecurityBlockType.CommandMac),
                    _ => null,
                },
                Mac = scb == 2 ? [1, 2, 3, 4] : null,
            });

    [Fact]
    public void Every_packet_reads_back_as_it_was_sent_in_any_chunks()
    {
        Gen.Select(Packets, Gen.Int[1, 17]).Sample((packet, chunk) =>
        {
            var wire = OsdpFrameCodec.Encode(packet);
            var reader = new OsdpFrameReader();
            var got = new List<OsdpReceived>();
            for (var at = 0; at < wire.Length; at += chunk)
            {
                got.AddRange(reader.Feed(wire.AsSpan(at, Math.Min(chunk, wire.Length - at))));
            }

            var read = Assert.Single(got).Packet;
            Assert.Equal(packet.Address, read.Address);
            Assert.Equal(packet.Sequence, read.Sequence);
            Assert.Equal(packet.Code, read.Code);
            Assert.Equal(packet.Data, read.Data);
            Assert.Equal(packet.UseCrc, read.UseCrc);
            Assert.Equal(packet.Security?.Type, read.Security?.Type);
            Assert.Equal(packet.Mac, read.Mac);
            Assert.Equal(0, reader.RejectedFrames);
        });
    }

    [Fact]
    public void A_packet_with_any_one_bit_flipped_is_never_read()
    {
        Gen.Select(Packets, Gen.Int[8, 10_000]).Sample((packet, flip) =>
        {
            var wire = OsdpFrameCodec.Encode(packet);
            var bit = flip % ((wire.Length - 1) * 8); // any bit after the mark byte
            wire[1 + bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.Empty(new OsdpFrameReader().Feed(wire));
        });
    }

    [Fact]
    public void A_good_packet_after_noise_and_a_broken_one_is_still_found()
    {
        Gen.Select(Packets, Gen.Byte.Array[0, 40]).Sample((packet, noise) =>
        {
            var broken = OsdpFrameCodec.Encode(new OsdpPacket(1, 1, OsdpCommand.Poll, [1, 2, 3]));
            broken[^1] ^= 0xFF;
            var good = OsdpFrameCodec.Encode(packet);
            var reader = new OsdpFrameReader();

            // Noise may hold a false SOM whose length runs into what follows: the reader waits, then drops it.
            var got = reader.Feed([.. noise, .. broken, .. good]).ToList();
            got.AddRange(reader.Feed(new byte[OsdpFrameCodec.MaxPacketLength]));

            Assert.Contains(got, r => r.Packet.Code == packet.Code && r.Packet.Data.AsSpan().SequenceEqual(packet.Data) && r.Packet.Address == packet.Address);
            Assert.True(reader.RejectedFrames >= 1);
        });
    }

    [Fact]
    public void A_length_beyond_any_reader_buffer_is_refused_without_waiting_for_it()
    {
        var reader = new OsdpFrameReader();

        var got = reader.Feed([0x53, 0x01, 0xFF, 0xFF, 0x04, 0x60]);

        Assert.Empty(got);
        Assert.Equal(OsdpFrameRejection.BadLength, reader.LastRejection);
    }

    [Fact]
    public void A_packet_too_long_to_send_is_refused_before_it_reaches_the_line()
    {
        var e = Assert.Throws<ArgumentException>(() => OsdpFrameCodec.Encode(new OsdpPacket(1, 1, OsdpCommand.Led, new byte[OsdpFrameCodec.MaxPacketLength])));

        Assert.Contains("longer than", e.Message, StringComparison.Ordinal);
    }
}
