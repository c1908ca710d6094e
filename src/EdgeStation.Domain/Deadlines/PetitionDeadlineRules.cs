using System.Reflection;
using System.Text.Json;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// The petition deadlines (信访工作条例 2022) as data: read from the embedded petition-deadlines.json,
/// so a change in the regulation is a data change with its citation, not a code change.
/// </summary>
public sealed record PetitionDeadlineRules(string Source, DeadlineRule Acceptance, DeadlineRule Completion, DeadlineRule Extension)
{
    public static PetitionDeadlineRules Default { get; } = LoadEmbedded();

    public static PetitionDeadlineRules Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var source = root.GetProperty("source").GetString() ?? "";
        DeadlineRule? acceptance = null, completion = null, extension = null;
        foreach (var r in root.GetProperty("rules").EnumerateArray())
        {
            var rule = new DeadlineRule(
                r.GetProperty("id").GetString()!,
                r.GetProperty("days").GetInt32(),
                r.GetProperty("citation").GetString()!)
            {
                MaxCount = r.TryGetProperty("maxCount", out var mc) ? mc.GetInt32() : 1,
            };
            if (rule.Days <= 0)
            {
                throw new FormatException($"rule '{rule.Id}': days must be positive");
            }
            switch (rule.Id)
            {
                case "acceptance": acceptance = rule; break;
                case "completion": completion = rule; break;
                case "extension": extension = rule; break;
                default: throw new FormatException($"unknown petition rule '{rule.Id}'");
            }
        }
        return new PetitionDeadlineRules(
            source,
            acceptance ?? throw new FormatException("rule 'acceptance' is missing"),
            completion ?? throw new FormatException("rule 'completion' is missing"),
            extension ?? throw new FormatException("rule 'extension' is missing"));
    }

    private static PetitionDeadlineRules LoadEmbedded()
    {
        using var stream = typeof(PetitionDeadlineRules).Assembly
            .GetManifestResourceStream("EdgeStation.Domain.Deadlines.petition-deadlines.json")
            ?? throw new InvalidOperationException("embedded petition-deadlines.json is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
