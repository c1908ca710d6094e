namespace EdgeStation.Vision.Tamper;

/// <summary>The names tamper kinds have in JSON, configuration and alerts, and their words on the kiosk (zh-CN).</summary>
public static class TamperKindNames
{
    public static string Name(TamperKind kind) => kind switch
    {
        TamperKind.Covered => "covered",
        TamperKind.Defocused => "defocused",
        TamperKind.Moved => "moved",
        TamperKind.StreamLost => "stream-lost",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Chinese(TamperKind kind) => kind switch
    {
        TamperKind.Covered => "画面遮挡",
        TamperKind.Defocused => "画面虚焦",
        TamperKind.Moved => "镜头移位",
        TamperKind.StreamLost => "视频中断",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
