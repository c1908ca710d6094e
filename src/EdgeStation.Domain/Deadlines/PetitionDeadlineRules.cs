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
        if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'rules' must be an array of rules");
        }
        foreach (var r in rules.EnumerateArray())
        {
            var id = r.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()!
                : throw new FormatException("every rule needs an 'id' (acceptance, completion or extension)");
            var rule = new DeadlineRule(id, WholeNumber(r, id, "days", required: true)!.Value, Text(r, id, "citation"))
            {
                MaxCount = WholeNumber(r, id, "maxCount", required: false) ?? 1,
                AppliesTo = Matters(r, id),
                Policy = r.TryGetProperty("policy", out var policy) ? Text(r, id, "policy") : null,
            };
            if (rule.Days <= 0)
            {
                throw new FormatException($"rule '{rule.Id}': days must be positive");
            }
            if (rule.MaxCount < 0)
            {
                throw new FormatException($"rule '{rule.Id}': maxCount must not be negative");
            }
            ref var slot = ref acceptance;
            switch (rule.Id)
            {
                case "acceptance": slot = ref acceptance; break;
                case "completion": slot = ref completion; break;
                case "extension": slot = ref extension; break;
                default: throw new FormatException($"unknown petition rule '{rule.Id}'");
            }
            if (slot is not null)
            {
                throw new FormatException($"rule '{rule.Id}' is listed twice");
            }
            slot = rule;
        }
        return new PetitionDeadlineRules(
            source,
            acceptance ?? throw new FormatException("rule 'acceptance' is missing"),
            completion ?? throw new FormatException("rule 'completion' is missing"),
            extension ?? throw new FormatException("rule 'extension' is missing"));
    }

    private static int? WholeNumber(JsonElement rule, string id, string name, bool required)
    {
        if (!rule.TryGetProperty(name, out var value))
        {
            return required ? throw new FormatException($"rule '{id}': '{name}' is missing") : null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw new FormatException($"rule '{id}': '{name}' must be a whole number");
    }

    private static string[]? Matters(JsonElement rule, string id)
    {
        if (!rule.TryGetProperty("appliesTo", out var list))
        {
            return null;
        }
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new FormatException($"rule '{id}': 'appliesTo' must be a non-empty list of petition matters ({string.Join(", ", PetitionMatter.All)})");
        }
        return [.. list.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String && PetitionMatter.All.Contains(m.GetString()!)
            ? m.GetString()!
            : throw new FormatException($"rule '{id}': unknown petition matter {m.GetRawText()} in 'appliesTo' ({string.Join(", ", PetitionMatter.All)})"))];
    }

    private static string Text(JsonElement rule, string id, string name) =>
        rule.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"rule '{id}': '{name}' must be text (the regulation it comes from)");

    private static PetitionDeadlineRules LoadEmbedded()
    {
        using var stream = typeof(PetitionDeadlineRules).Assembly
            .GetManifestResourceStream("EdgeStation.Domain.Deadlines.petition-deadlines.json")
            ?? throw new InvalidOperationException("embedded petition-deadlines.json is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
