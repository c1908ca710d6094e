namespace EdgeStation.Domain.Doors;

/// <summary>
/// What a door asks for. Face only ever comes with a card or a PIN (人脸识别技术应用安全管理办法: face never the sole way
/// in), so there is no value for face alone and <see cref="CredentialModes.Parse"/> refuses one.
/// </summary>
public enum CredentialMode
{
    Card,
    Pin,
    CardOrPin,
    CardAndPin,
    CardAndFace,
    PinAndFace,
}
