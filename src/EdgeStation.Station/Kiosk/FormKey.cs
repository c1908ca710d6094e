namespace EdgeStation.Station.Kiosk;

/// <summary>
/// A fresh idempotency key for each rendered form (a hidden input that kiosk.js sends as the Idempotency-Key header):
/// pressing submit again after a timeout or a 503 repeats the same key and cannot store the entry twice, while
/// reloading the page gives a new form and a new key.
/// </summary>
public static class FormKey
{
    public const string InputName = "idempotency-key";

    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
