using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Workflows;

/// <summary>The extension rule is data (petition-deadlines.json): its days and maxCount must drive the 'extend' action.</summary>
public sealed class PetitionExtensionRuleTests
{
    private static readonly DateTimeOffset Accepted = Cst.At(2026, 7, 3);

    private static StationSettings WithExtension(int days, int maxCount) => new()
    {
        PetitionRules = PetitionDeadlineRules.Parse($$"""
            { "source": "test", "rules": [
              { "id": "acceptance", "days": 15, "citation": "A" },
              { "id": "completion", "days": 60, "citation": "C" },
              { "id": "extension", "days": {{days}}, "maxCount": {{maxCount}}, "citation": "E" } ] }
            """),
    };

    private static RecordSnapshot AcceptedPetition(RecordBuilder records) =>
        records.Act(records.Petition(Accepted.AddDays(-1)), "accept", Accepted);

    private static RecordSnapshot Extend(RecordBuilder records, RecordSnapshot petition, int day, string days = "10") =>
        records.Act(petition, "extend", Accepted.AddDays(day), new TransitionInput { Days = days, Reason = "complex", ApprovedBy = "主任" });

    [Fact]
    public void Configured_extension_limit_of_fifteen_days_rejects_sixteen()
    {
        var records = new RecordBuilder(WithExtension(days: 15, maxCount: 1));
        var petition = AcceptedPetition(records);

        var ex = Assert.ThrowsAny<RecordInputException>(() => Extend(records, petition, 10, days: "16"));
        Assert.Equal("--days must be at most 15 (E)", ex.Message);
    }

    [Fact]
    public void Two_extensions_are_allowed_when_the_rule_allows_two_and_their_days_add_up()
    {
        var records = new RecordBuilder(WithExtension(days: 30, maxCount: 2));
        var petition = Extend(records, Extend(records, AcceptedPetition(records), 10), 20);

        Assert.Equal(20L, petition.Number(FieldKeys.ExtensionDays)); // 10 + 10
    }

    [Fact]
    public void Third_extension_is_rejected_when_the_rule_allows_two()
    {
        var records = new RecordBuilder(WithExtension(days: 30, maxCount: 2));
        var petition = Extend(records, Extend(records, AcceptedPetition(records), 10), 20);

        Assert.ThrowsAny<RecordInputException>(() => Extend(records, petition, 30));
    }

    [Fact]
    public void No_extension_is_allowed_when_the_rule_allows_none()
    {
        var records = new RecordBuilder(WithExtension(days: 30, maxCount: 0));

        Assert.ThrowsAny<RecordInputException>(() => Extend(records, AcceptedPetition(records), 10));
    }

    [Fact]
    public void Two_extensions_both_push_the_completion_deadline()
    {
        // Accepted 2026-07-03; 60 + 10 + 10 = 80 days -> Mon 2026-09-21.
        var records = new RecordBuilder(WithExtension(days: 30, maxCount: 2));
        var petition = Extend(records, Extend(records, AcceptedPetition(records), 10), 20);
        var deadlines = new PetitionDeadlines(records.Settings.PetitionRules, new DeadlineCalculator(HolidayCalendar.Official), new StationTime("Asia/Shanghai"));

        Assert.Equal(Cst.Day(2026, 9, 21), deadlines.Completion(petition, Cst.Day(2026, 8, 1))!.Value.Due);
    }
}
