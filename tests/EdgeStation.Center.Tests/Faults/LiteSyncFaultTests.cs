namespace EdgeStation.Center.Tests.Faults;

/// <summary>The faults with the center on its embedded LiteDB file.</summary>
public sealed class LiteSyncFaultTests : SyncFaultContract
{
    protected override string? Database() => null;
}
