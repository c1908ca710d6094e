using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// The kiosk's words, from one embedded resource per language (Kiosk/Strings/zh-CN.json), so another
/// language is a new file, not a code change. A missing key shows as [key] so it is seen, not hidden.
/// </summary>
public sealed class UiText
{
    private readonly Dictionary<string, string> _text;

    private UiText(string culture, Dictionary<string, string> text)
    {
        Culture = culture;
        _text = text;
    }

    public string Culture { get; }

    public static UiText Load(string culture = "zh-CN")
    {
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream($"strings/{culture}.json")
            ?? throw new InvalidOperationException($"no kiosk strings for {culture}");
        using var doc = JsonDocument.Parse(stream);
        var text = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new UiText(culture, text);
    }

    public string this[string key] => _text.TryGetValue(key, out var value) ? value : $"[{key}]";

    public string Format(string key, object arg) => string.Format(CultureInfo.InvariantCulture, this[key], arg);

    public string Format(string key, object arg0, object arg1) => string.Format(CultureInfo.InvariantCulture, this[key], arg0, arg1);

    public bool Has(string key) => _text.ContainsKey(key);

    public IReadOnlyCollection<string> Keys => _text.Keys;
}
