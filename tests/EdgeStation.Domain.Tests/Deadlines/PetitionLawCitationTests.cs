using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

/// <summary>The petition rules as the text of 信访工作条例 (2022) and 民法典 say them, checked article by article.</summary>
public sealed class PetitionLawCitationTests
{
    private static readonly PetitionDeadlineRules Rules = PetitionDeadlineRules.Default;
    private readonly RecordBuilder _records = new();

    private RecordSnapshot Accepted(string? matter)
    {
        var fields = new List<(string, string)> { (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1") };
        if (matter is not null)
        {
            fields.Add((FieldKeys.Matter, matter));
        }
        var petition = _records.Create(RecordType.Petition, Cst.At(2026, 3, 2), [.. fields]);
        return _records.Act(petition, "accept", Cst.At(2026, 3, 3));
    }

    private string[] Deadlines(RecordSnapshot petition) =>
        [.. new RecordDeadlines(_records.Settings, HolidayCalendar.Official).All(petition, Cst.Day(2026, 3, 31)).Select(d => d.Name)];

    [Fact]
    public void Regression_fifteen_day_rule_cited_the_2005_wording_of_deciding_acceptance()
    {
        Assert.Contains("第二十三条", Rules.Acceptance.Citation, StringComparison.Ordinal);
        Assert.Contains("书面告知信访人", Rules.Acceptance.Citation, StringComparison.Ordinal);
        Assert.DoesNotContain("决定是否受理", Rules.Acceptance.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_sixty_day_rule_cited_article_35_on_review()
    {
        Assert.Equal(("信访工作条例 第三十四条", "信访工作条例 第三十四条"), (Rules.Completion.Citation[..12], Rules.Extension.Citation[..12]));
    }

    [Fact]
    public void Regression_extension_did_not_say_it_needs_the_heads_approval()
    {
        Assert.Contains("经本机关、单位负责人批准", Rules.Extension.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_one_extension_is_said_to_be_station_policy()
    {
        Assert.Contains("policy", Rules.Extension.Policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixty_day_rule_applies_to_claims_only()
    {
        Assert.Equal([PetitionMatter.Claim], Rules.Completion.AppliesTo!);
    }

    [Theory]
    [InlineData("suggestion")]
    [InlineData("accusation")]
    [InlineData("claim-routed")]
    public void Regression_every_petition_kind_got_the_sixty_day_completion_deadline(string matter)
    {
        Assert.Equal(["accept"], Deadlines(Accepted(matter)));
    }

    [Fact]
    public void Claim_has_the_completion_deadline()
    {
        Assert.Equal(["accept", "complete"], Deadlines(Accepted(PetitionMatter.Claim)));
    }

    [Fact]
    public void Petition_without_a_matter_is_a_claim()
    {
        Assert.Equal("claim", Accepted(null).Text(FieldKeys.Matter));
    }

    [Fact]
    public void Extension_of_a_suggestion_is_refused()
    {
        var ex = Assert.Throws<RecordInputException>(() => _records.Act(Accepted("suggestion"), "extend", Cst.At(2026, 3, 20), new() { Days = "10", Reason = "情况复杂", ApprovedBy = "主任" }));

        Assert.Contains("applies only to claim", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_extension_did_not_record_who_approved_it()
    {
        var extended = _records.Act(Accepted("claim"), "extend", Cst.At(2026, 3, 20), new() { Days = "10", Reason = "情况复杂", ApprovedBy = "镇长王某" });

        Assert.Equal("镇长王某", extended.Text(FieldKeys.ExtensionApprovedBy));
    }

    [Fact]
    public void Extension_without_approval_is_refused()
    {
        var ex = Assert.Throws<RecordInputException>(() => _records.Act(Accepted("claim"), "extend", Cst.At(2026, 3, 20), new() { Days = "10", Reason = "情况复杂" }));

        Assert.Contains("--approved-by", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_counting_says_it_borrows_the_civil_code_by_analogy()
    {
        using var stream = typeof(PetitionDeadlineRules).Assembly.GetManifestResourceStream("EdgeStation.Domain.Deadlines.petition-deadlines.json")!;
        var json = new StreamReader(stream).ReadToEnd();

        Assert.Contains("by analogy with 民法典 第二百零一条", json, StringComparison.Ordinal);
        Assert.Contains("a deadline that falls on one stands", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_on_a_make_up_workday_stands()
    {
        // Sat 2026-02-14 is a make-up workday (春节调休): 15 days after Fri 01-30 it stays the last day.
        Assert.Equal(Cst.Day(2026, 2, 14), new DeadlineCalculator(HolidayCalendar.Official).LastDay(Cst.Day(2026, 1, 30), Rules.Acceptance));
    }
}
