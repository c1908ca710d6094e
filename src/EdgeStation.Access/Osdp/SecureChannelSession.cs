using System.Security.Cryptography;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// One established secure channel, the same object on either side. Every message after the handshake carries a MAC:
/// AES-CBC over the message (SOM to the end of its data, padded with 0x80 and zeros to 16 bytes) under S-MAC1, the last
/// block under S-MAC2, chained from the other side's last full MAC (a command's from the last reply's, a reply's from
/// its command's). The chain is what defeats replay: a recorded message fails as soon as one other has passed. Data is
/// AES-CBC under S-ENC with 0x80 and zeros appended, its IV the complement of that same MAC. Only the first 4 bytes of
/// each MAC travel; the full 16 are kept for the next link.
/// </summary>
public sealed class SecureChannelSession
{
    private const int Block = 16;

    private readonly SecureChannelKeys _keys;
    private byte[] _commandMac;
    private byte[] _replyMac;

    public SecureChannelSession(SecureChannelKeys keys, byte[] initialReplyMac)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(initialReplyMac);
        _keys = keys;
        _replyMac = initialReplyMac;
        _commandMac = new byte[Block];
    }

    /// <summary>Panel: the MAC of a command about to go out (chained from the last reply).</summary>
    public byte[] SignCommand(ReadOnlySpan<byte> body) => _commandMac = Mac(body, _replyMac);

    /// <summary>Peripheral: checks a received command's MAC; on success the chain moves on.</summary>
    public bool CheckCommand(ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac) => Check(body, mac, _replyMac, ref _commandMac);

    /// <summary>Peripheral: the MAC of a reply about to go out (chained from the command it answers).</summary>
    public byte[] SignReply(ReadOnlySpan<byte> body) => _replyMac = Mac(body, _commandMac);

    /// <summary>Panel: checks a received reply's MAC; on success the chain moves on.</summary>
    public bool CheckReply(ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac) => Check(body, mac, _commandMac, ref _replyMac);

    /// <summary>Command data as the panel sends it (IV: the complement of the last reply MAC).</summary>
    public byte[] EncryptCommandData(ReadOnlySpan<byte> data) => Encrypt(data, _replyMac);

    public byte[]? DecryptCommandData(ReadOnlySpan<byte> data) => Decrypt(data, _replyMac);

    /// <summary>Reply data as the peripheral sends it (IV: the complement of the command's MAC).</summary>
    public byte[] EncryptReplyData(ReadOnlySpan<byte> data) => Encrypt(data, _commandMac);

    public byte[]? DecryptReplyData(ReadOnlySpan<byte> data) => Decrypt(data, _commandMac);

    private bool Check(ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac, byte[] chainedFrom, ref byte[] advance)
    {
        var expected = Mac(body, chainedFrom);
        if (mac.Length != OsdpFrameCodec.MacLength || !CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, OsdpFrameCodec.MacLength), mac))
        {
            return false;
        }
        advance = expected;
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> message, byte[] iv)
    {
        var padded = message.Length % Block == 0 ? message.Length : (message.Length / Block + 1) * Block;
        var buffer = new byte[Math.Max(padded, Block)];
        message.CopyTo(buffer);
        if (padded != message.Length || message.Length == 0)
        {
            buffer[message.Length] = 0x80;
        }
        var chain = iv;
        if (buffer.Length > Block)
        {
            using var mac1 = Aes.Create();
            mac1.Key = _keys.Mac1;
            var head = mac1.EncryptCbc(buffer.AsSpan(0, buffer.Length - Block), iv, PaddingMode.None);
            chain = head[^Block..];
        }
        using var mac2 = Aes.Create();
        mac2.Key = _keys.Mac2;
        return mac2.EncryptCbc(buffer.AsSpan(buffer.Length - Block), chain, PaddingMode.None);
    }

    private byte[] Encrypt(ReadOnlySpan<byte> data, byte[] mac)
    {
        var padded = new byte[(data.Length / Block + 1) * Block];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        using var aes = Aes.Create();
        aes.Key = _keys.Encryption;
        return aes.EncryptCbc(padded, Complement(mac), PaddingMode.None);
    }

    private byte[]? Decrypt(ReadOnlySpan<byte> data, byte[] mac)
    {
        if (data.Length == 0 || data.Length % Block != 0)
        {
            return null;
        }
        using var aes = Aes.Create();
        aes.Key = _keys.Encryption;
        var plain = aes.DecryptCbc(data, Complement(mac), PaddingMode.None);
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }
        return end >= 0 && plain[end] == 0x80 ? plain[..end] : null;
    }

    private static byte[] Complement(byte[] mac)
    {
        var iv = new byte[Block];
        for (var i = 0; i < Block; i++)
        {
            iv[i] = (byte)~mac[i];
        }
        return iv;
    }
}
