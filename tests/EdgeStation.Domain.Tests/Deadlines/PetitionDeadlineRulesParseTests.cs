using System.Text.Json;
using EdgeStation.Domain.Deadlines;

namespace EdgeStation.Domain.Tests.Deadlines;

public sealed class PetitionDeadlineRulesParseTests
{
    private const string Acceptance = """{ "id": "acceptance", "days": 10, "citation": "art. A" }""";
    private const string Completion = """{ "id": "completion", "days": 45, "citation": "art. C" }""";
    private const string Extension = """{ "id": "extension", "days": 20, "maxCount": 2, "citation": "art. E" }""";

    private static string Json(params string[] rules) =>
        $$"""{ "source": "test regulation", "rules": [ {{string.Join(", ", rules)}} ] }""";

    [Fact]
    public void Embedded_rules_are_fifteen_sixty_and_one_extension_of_thirty()
    {
        var rules = PetitionDeadlineRules.Default;

        Assert.Equal((15, 60, 30, 1), (rules.Acceptance.Days, rules.Completion.Days, rules.Extension.Days, rules.Extension.MaxCount));
    }

    [Fact]
    public void Embedded_rules_cite_the_2022_regulation()
    {
        Assert.StartsWith("信访工作条例 第二十三条", PetitionDeadlineRules.Default.Acceptance.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_days_max_count_and_source_from_the_data()
    {
        var rules = PetitionDeadlineRules.Parse(Json(Acceptance, Completion, Extension));

        Assert.Equal(("test regulation", 10, 45, 20, 2), (rules.Source, rules.Acceptance.Days, rules.Completion.Days, rules.Extension.Days, rules.Extension.MaxCount));
    }

    [Fact]
    public void Parse_defaults_max_count_to_one()
    {
        var rules = PetitionDeadlineRules.Parse(Json(Acceptance, Completion, """{ "id": "extension", "days": 30, "citation": "x" }"""));

        Assert.Equal(1, rules.Extension.MaxCount);
    }

    [Fact]
    public void Parse_rejects_zero_days_naming_the_rule()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json("""{ "id": "acceptance", "days": 0, "citation": "x" }""", Completion, Extension)));

        Assert.Equal("rule 'acceptance': days must be positive", ex.Message);
    }

    [Fact]
    public void Parse_rejects_negative_days_naming_the_rule()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json(Acceptance, """{ "id": "completion", "days": -60, "citation": "x" }""", Extension)));

        Assert.Equal("rule 'completion': days must be positive", ex.Message);
    }

    [Fact]
    public void Parse_rejects_an_unknown_rule_id()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json(Acceptance, Completion, Extension, """{ "id": "appeal", "days": 30, "citation": "x" }""")));

        Assert.Equal("unknown petition rule 'appeal'", ex.Message);
    }

    [Fact]
    public void Parse_rejects_data_missing_a_rule()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json(Acceptance, Extension)));

        Assert.Equal("rule 'completion' is missing", ex.Message);
    }

    [Fact]
    public void Parse_rejects_text_that_is_not_json()
    {
        Assert.ThrowsAny<JsonException>(() => PetitionDeadlineRules.Parse("rules: acceptance 15"));
    }

    [Fact]
    public void Parse_rejects_a_rule_without_days_naming_the_rule_and_property()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json("""{ "id": "acceptance", "citation": "x" }""", Completion, Extension)));

        Assert.Contains("'days'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_days_given_as_text_naming_the_rule()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json("""{ "id": "acceptance", "days": "15", "citation": "x" }""", Completion, Extension)));

        Assert.Contains("acceptance", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_rule_listed_twice()
    {
        var ex = Assert.Throws<FormatException>(() => PetitionDeadlineRules.Parse(Json(Acceptance, Completion, Extension, """{ "id": "acceptance", "days": 30, "citation": "x" }""")));

        Assert.Contains("acceptance", ex.Message, StringComparison.Ordinal);
    }
}
