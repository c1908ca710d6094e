using System.Security.Cryptography;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// The session keys of one OSDP secure channel (AES-128), derived from the secure channel base key (SCBK) and the panel's
/// random challenge RND.A: each is the SCBK's AES-ECB encryption of 0x01, a kind byte (S-ENC 0x82, S-MAC1 0x01,
/// S-MAC2 0x02), the first six bytes of RND.A and eight zeros. Both sides prove they hold the SCBK by cryptograms: the
/// peripheral's (client) is S-ENC(RND.A ‖ RND.B), the panel's (server) S-ENC(RND.B ‖ RND.A).
/// </summary>
public sealed class SecureChannelKeys
{
    public const int KeyLength = 16;
    public const int RandomLength = 8;

    /// <summary>SCBK-D, the published default key a reader holds until an installer sets its own (install mode only).</summary>
    public static ReadOnlySpan<byte> DefaultBaseKey => [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F];

    private SecureChannelKeys(byte[] enc, byte[] mac1, byte[] mac2)
    {
        Encryption = enc;
        Mac1 = mac1;
        Mac2 = mac2;
    }

    public byte[] Encryption { get; }
    public byte[] Mac1 { get; }
    public byte[] Mac2 { get; }

    public static SecureChannelKeys Derive(ReadOnlySpan<byte> baseKey, ReadOnlySpan<byte> panelRandom)
    {
        if (baseKey.Length != KeyLength || panelRandom.Length != RandomLength)
        {
            throw new ArgumentException("an OSDP base key is 16 bytes and RND.A 8");
        }
        using var aes = Aes.Create();
        aes.Key = baseKey.ToArray();
        return new SecureChannelKeys(Kind(aes, 0x82, panelRandom), Kind(aes, 0x01, panelRandom), Kind(aes, 0x02, panelRandom));
    }

    /// <summary>The peripheral's proof: S-ENC(RND.A ‖ RND.B).</summary>
    public byte[] ClientCryptogram(ReadOnlySpan<byte> panelRandom, ReadOnlySpan<byte> deviceRandom) => EncryptBlock(Encryption, Concat(panelRandom, deviceRandom));

    /// <summary>The panel's proof: S-ENC(RND.B ‖ RND.A).</summary>
    public byte[] ServerCryptogram(ReadOnlySpan<byte> panelRandom, ReadOnlySpan<byte> deviceRandom) => EncryptBlock(Encryption, Concat(deviceRandom, panelRandom));

    /// <summary>The first reply MAC the chain starts from: S-MAC2(S-MAC1(server cryptogram)).</summary>
    public byte[] InitialRMac(ReadOnlySpan<byte> serverCryptogram) => EncryptBlock(Mac2, EncryptBlock(Mac1, serverCryptogram.ToArray()));

    internal static byte[] EncryptBlock(byte[] key, byte[] block)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptEcb(block, PaddingMode.None);
    }

    private static byte[] Kind(Aes baseKey, byte kind, ReadOnlySpan<byte> panelRandom)
    {
        var block = new byte[KeyLength];
        block[0] = 0x01;
        block[1] = kind;
        panelRandom[..6].CopyTo(block.AsSpan(2));
        return baseKey.EncryptEcb(block, PaddingMode.None);
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != RandomLength || b.Length != RandomLength)
        {
            throw new ArgumentException("RND.A and RND.B are 8 bytes each");
        }
        return [.. a, .. b];
    }
}
