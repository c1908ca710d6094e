namespace EdgeStation.Vision.Tamper;

/// <summary>What is wrong with a camera's picture (遮挡 / 虚焦 / 移位 / 断流).</summary>
public enum TamperKind
{
    /// <summary>The picture is flat: the lens is covered, painted or the camera sees black.</summary>
    Covered,

    /// <summary>The picture has lost most of its fine detail against the reference: defocused, smeared or fogged.</summary>
    Defocused,

    /// <summary>The picture no longer matches the reference scene: the camera was turned or moved.</summary>
    Moved,

    /// <summary>No frames arrive: the decoder stalled or the camera is gone.</summary>
    StreamLost,
}
