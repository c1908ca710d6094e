using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Workflows;

/// <summary>登记 → 受理 / 不予受理 → 办结, one extension of at most 30 days, satisfaction, 越级.</summary>
public sealed class PetitionWorkflowTests
{
    private static readonly DateTimeOffset Received = Cst.At(2026, 3, 2, 9);
    private readonly RecordBuilder _records = new();

    private RecordSnapshot New() => _records.Petition(Received);

    private RecordSnapshot Accepted() => _records.Act(New(), "accept", Received.AddDays(3));

    private RecordSnapshot Completed(string? satisfaction = null) =>
        _records.Act(Accepted(), "complete", Received.AddDays(40), new() { Satisfaction = satisfaction });

    private RecordSnapshot Extend(RecordSnapshot petition, string? days = "30", string? reason = "needs a land survey") =>
        _records.Act(petition, "extend", Received.AddDays(30), new() { Days = days, Reason = reason, ApprovedBy = "主任" });

    private RecordInputException Rejected(RecordSnapshot record, string action, TransitionInput? input = null) =>
        Assert.ThrowsAny<RecordInputException>(() => _records.Act(record, action, Received.AddDays(50), input));

    [Fact]
    public void New_petition_starts_received_at_village_level()
    {
        var petition = New();

        Assert.Equal(("received", "village"), (petition.Status, petition.Text(FieldKeys.Level)));
    }

    [Fact]
    public void Accepting_a_petition_makes_it_accepted()
    {
        Assert.Equal("accepted", Accepted().Status);
    }

    [Fact]
    public void Declining_a_petition_needs_the_reason_told_to_the_petitioner()
    {
        Assert.Equal("'decline' needs --note with the reason given to the petitioner", Rejected(New(), "decline").Message);
    }

    [Fact]
    public void Declining_with_a_reason_makes_it_declined()
    {
        Assert.Equal("declined", _records.Act(New(), "decline", Received.AddDays(5), new() { Note = "a court matter" }).Status);
    }

    [Fact]
    public void Extension_keeps_the_petition_accepted_and_records_the_days()
    {
        var petition = Extend(Accepted(), days: "20");

        Assert.Equal(("accepted", 20L), (petition.Status, petition.Number(FieldKeys.ExtensionDays)));
    }

    [Fact]
    public void Extension_records_the_reason()
    {
        Assert.Equal("needs a land survey", Extend(Accepted()).Text(FieldKeys.ExtensionReason));
    }

    [Fact]
    public void Extension_of_thirty_one_days_is_rejected_citing_the_regulation()
    {
        var ex = Rejected(Accepted(), "extend", new() { Days = "31", Reason = "complex", ApprovedBy = "主任" });

        Assert.StartsWith("--days must be at most 30 (信访工作条例 第三十四条", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_is_granted_only_once()
    {
        var petition = Extend(Accepted(), days: "10");

        Assert.StartsWith($"{petition.Id} cannot be extended again: at most 1 extension(s) (at most one extension is this station's policy", Rejected(petition, "extend", new() { Days = "10", Reason = "more", ApprovedBy = "主任" }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_needs_a_reason()
    {
        Assert.Equal("'extend' needs --reason (the petitioner must be told why)", Rejected(Accepted(), "extend", new() { Days = "10", ApprovedBy = "主任" }).Message);
    }

    [Fact]
    public void Extension_needs_a_whole_number_of_days()
    {
        Assert.ThrowsAny<RecordInputException>(() => Extend(Accepted(), days: "ten"));
    }

    [Fact]
    public void Extension_without_days_asks_for_the_days_option()
    {
        Assert.Equal("'extend' needs --days", Rejected(Accepted(), "extend", new() { Reason = "complex", ApprovedBy = "主任" }).Message);
    }

    [Fact]
    public void Extension_before_acceptance_lists_what_is_allowed_now()
    {
        var petition = New();

        Assert.Equal($"cannot 'extend' {petition.Id}: it is 'received'; allowed now: accept, decline, escalate",
            Rejected(petition, "extend", new() { Days = "10", Reason = "x", ApprovedBy = "主任" }).Message);
    }

    [Fact]
    public void Completion_with_satisfaction_records_it()
    {
        var petition = Completed("basically-satisfied");

        Assert.Equal(("completed", "basically-satisfied"), (petition.Status, petition.Text(FieldKeys.Satisfaction)));
    }

    [Fact]
    public void Completion_without_satisfaction_leaves_it_unrated()
    {
        Assert.Null(Completed().Text(FieldKeys.Satisfaction));
    }

    [Fact]
    public void Completion_with_an_unknown_satisfaction_lists_the_choices()
    {
        Assert.Equal("--satisfaction must be one of satisfied, basically-satisfied, dissatisfied (got 'happy')",
            Rejected(Accepted(), "complete", new() { Satisfaction = "happy" }).Message);
    }

    [Fact]
    public void Rating_a_completed_petition_records_the_satisfaction()
    {
        Assert.Equal("dissatisfied", _records.Act(Completed(), "rate", Received.AddDays(45), new() { Satisfaction = "dissatisfied" }).Text(FieldKeys.Satisfaction));
    }

    [Fact]
    public void Rating_needs_a_satisfaction()
    {
        Assert.Equal("'rate' needs --satisfaction", Rejected(Completed(), "rate").Message);
    }

    [Fact]
    public void Rating_before_completion_lists_what_is_allowed_now()
    {
        var petition = Accepted();

        Assert.Equal($"cannot 'rate' {petition.Id}: it is 'accepted'; allowed now: extend, complete, escalate",
            Rejected(petition, "rate", new() { Satisfaction = "satisfied" }).Message);
    }

    [Fact]
    public void Completed_petition_allows_only_rating_and_escalation()
    {
        var petition = Completed();

        Assert.Equal($"cannot 'accept' {petition.Id}: it is 'completed'; allowed now: rate, escalate", Rejected(petition, "accept").Message);
    }

    [Fact]
    public void Escalation_raises_the_level_and_keeps_the_status()
    {
        var petition = _records.Act(Accepted(), "escalate", Received.AddDays(10), new() { Level = "county" });

        Assert.Equal(("accepted", "county"), (petition.Status, petition.Text(FieldKeys.Level)));
    }

    [Fact]
    public void Escalation_of_a_declined_petition_is_allowed()
    {
        var declined = _records.Act(New(), "decline", Received.AddDays(5), new() { Note = "a court matter" });

        Assert.Equal("city", _records.Act(declined, "escalate", Received.AddDays(10), new() { Level = "city" }).Text(FieldKeys.Level));
    }

    [Fact]
    public void Escalation_to_the_level_already_reached_is_rejected()
    {
        var petition = _records.Act(New(), "escalate", Received.AddDays(1), new() { Level = "county" });

        Assert.Equal("--level must be above the level already reached (county)", Rejected(petition, "escalate", new() { Level = "county" }).Message);
    }

    [Fact]
    public void Escalation_to_a_lower_level_is_rejected()
    {
        var petition = _records.Act(New(), "escalate", Received.AddDays(1), new() { Level = "city" });

        Assert.Equal("--level must be above the level already reached (city)", Rejected(petition, "escalate", new() { Level = "township" }).Message);
    }

    [Fact]
    public void Escalation_to_the_village_level_of_a_new_petition_is_rejected()
    {
        Assert.Equal("--level must be above the level already reached (village)", Rejected(New(), "escalate", new() { Level = "village" }).Message);
    }

    [Fact]
    public void Escalation_needs_a_level()
    {
        Assert.Equal("'escalate' needs --level", Rejected(New(), "escalate").Message);
    }

    [Fact]
    public void Escalation_to_an_unknown_level_lists_the_levels()
    {
        Assert.Equal("--level must be one of village, township, county, city, province, national (got 'capital')",
            Rejected(New(), "escalate", new() { Level = "capital" }).Message);
    }
}
