namespace EdgeStation.Vision.Rules;

/// <summary>
/// Which way a line was crossed. <see cref="Forward"/> is the direction got by turning the line's
/// Start→End 90° clockwise on the picture: for a line drawn bottom to top, walking left to right
/// (west to east) is forward; for a line drawn left to right, walking down the picture is forward.
/// </summary>
public enum LineDirection
{
    Forward,
    Backward,
}
