using System.Buffers.Binary;
using System.Text;

namespace EdgeStation.Sync.Bundle;

/// <summary>
/// What the CA signs: every field but the signature, in a fixed order, each as a 4-byte big-endian length and
/// its UTF-8 bytes. Independent of JSON spacing and escaping, so any reader can check it (docs/sync.md).
/// </summary>
public static class BundleCanonicalBytes
{
    public static byte[] Of(StationBundleDocument d)
    {
        string?[] fields =
        [
            d.Format, d.StationId, d.StationName, d.CenterEndpoint,
            d.CaCertificatePem, d.StationCertificatePem, d.StationPrivateKeyPem, d.IssuedAt,
        ];
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field ?? "");
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return buffer.ToArray();
    }
}
