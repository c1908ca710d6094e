using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Tests.Storage;

/// <summary>The store contract on the embedded LiteDB file.</summary>
public sealed class LiteCenterStoreTests : CenterStoreContract
{
    private readonly DirectoryInfo _dataDir = Directory.CreateTempSubdirectory("es-center-store-");

    protected override ICenterStore OpenStore() => LiteCenterStore.Open(_dataDir.FullName, mustExist: false);

    public override void Dispose()
    {
        base.Dispose();
        _dataDir.Delete(recursive: true);
    }
}
