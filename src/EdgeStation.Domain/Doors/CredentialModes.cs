namespace EdgeStation.Domain.Doors;

/// <summary>Names of <see cref="CredentialMode"/> as configuration and the CLI write them.</summary>
public static class CredentialModes
{
    public static string Name(CredentialMode mode) => mode switch
    {
        CredentialMode.Card => "card",
        CredentialMode.Pin => "pin",
        CredentialMode.CardOrPin => "card-or-pin",
        CredentialMode.CardAndPin => "card+pin",
        CredentialMode.CardAndFace => "card+face",
        CredentialMode.PinAndFace => "pin+face",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static CredentialMode Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "card" => CredentialMode.Card,
        "pin" => CredentialMode.Pin,
        "card-or-pin" => CredentialMode.CardOrPin,
        "card+pin" => CredentialMode.CardAndPin,
        "card+face" => CredentialMode.CardAndFace,
        "pin+face" => CredentialMode.PinAndFace,
        "face" or "face-or-card" or "face-or-pin" or "card-or-face" or "pin-or-face" =>
            throw new AccessInputException($"'{text}': face is never the only way in; use card+face or pin+face, and keep card or PIN working"),
        _ => throw new AccessInputException($"'{text}' is not a credential mode; use card, pin, card-or-pin, card+pin, card+face or pin+face"),
    };

    public static bool NeedsCard(CredentialMode mode) => mode is CredentialMode.Card or CredentialMode.CardAndPin or CredentialMode.CardAndFace;

    public static bool NeedsPin(CredentialMode mode) => mode is CredentialMode.Pin or CredentialMode.CardAndPin or CredentialMode.PinAndFace;

    public static bool NeedsFace(CredentialMode mode) => mode is CredentialMode.CardAndFace or CredentialMode.PinAndFace;
}
