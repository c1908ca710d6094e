using System.Text.Json;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Sync.Tests.Bundle;

/// <summary>Takes an issued bundle apart and puts it back together changed, as someone tampering with it would.</summary>
internal static class BundleForgery
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static StationBundleDocument Open(StationBundle bundle) =>
        JsonSerializer.Deserialize<StationBundleDocument>(bundle.ToJson(), Web)!;

    public static byte[] Close(StationBundleDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Web);
}
