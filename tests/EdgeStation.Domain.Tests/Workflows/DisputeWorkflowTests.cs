using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Workflows;

/// <summary>排查 → 评估 → 交办 → 处置 → 化解 / 上报 / 未化解, then one 回访.</summary>
public sealed class DisputeWorkflowTests
{
    private static readonly DateTimeOffset Reported = Cst.At(2026, 3, 2, 9);
    private readonly RecordBuilder _records = new();

    private RecordSnapshot NewDispute() => _records.Dispute(Reported);

    private RecordSnapshot Assessed(string risk = RiskColour.Yellow) =>
        _records.Act(NewDispute(), "assess", Reported.AddHours(1), new TransitionInput { Risk = risk });

    private RecordSnapshot Assigned(string risk = RiskColour.Yellow) =>
        _records.Act(Assessed(risk), "assign", Reported.AddHours(2), new TransitionInput { AssignedTo = "村调委会 王主任" });

    private RecordSnapshot Mediating(string risk = RiskColour.Yellow) =>
        _records.Act(Assigned(risk), "mediate", Reported.AddHours(3));

    private RecordSnapshot Resolved() => _records.Act(Mediating(), "resolve", Reported.AddDays(2));

    private RecordInputException Rejected(RecordSnapshot record, string action, TransitionInput? input = null) =>
        Assert.ThrowsAny<RecordInputException>(() => _records.Act(record, action, Reported.AddDays(3), input));

    [Fact]
    public void New_dispute_starts_reported()
    {
        Assert.Equal("reported", NewDispute().Status);
    }

    [Fact]
    public void Dispute_goes_from_reported_through_assessment_assignment_and_mediation_to_resolved()
    {
        var dispute = NewDispute();
        var statuses = new List<string> { dispute.Status };
        statuses.Add(_records.Act(dispute, "assess", Reported.AddHours(1), new() { Risk = RiskColour.Green }).Status);
        statuses.Add(_records.Act(dispute, "assign", Reported.AddHours(2), new() { AssignedTo = "网格员 李" }).Status);
        statuses.Add(_records.Act(dispute, "mediate", Reported.AddHours(3)).Status);
        statuses.Add(_records.Act(dispute, "resolve", Reported.AddDays(1)).Status);

        Assert.Equal(["reported", "assessed", "assigned", "mediating", "resolved"], statuses);
    }

    [Fact]
    public void Assigned_dispute_can_be_resolved_without_a_mediation_step()
    {
        Assert.Equal("resolved", _records.Act(Assigned(), "resolve", Reported.AddDays(1)).Status);
    }

    [Fact]
    public void Assessment_records_the_risk_colour()
    {
        Assert.Equal(RiskColour.Red, Assessed(RiskColour.Red).Text(FieldKeys.Risk));
    }

    [Fact]
    public void Assessment_may_be_repeated_before_assignment_and_changes_the_colour()
    {
        var dispute = _records.Act(Assessed(RiskColour.Green), "assess", Reported.AddHours(5), new() { Risk = RiskColour.Red });

        Assert.Equal(RiskColour.Red, dispute.Text(FieldKeys.Risk));
    }

    [Fact]
    public void Assessment_without_a_colour_uses_the_colour_given_at_reporting()
    {
        var dispute = _records.Act(_records.Dispute(Reported, risk: RiskColour.Yellow), "assess", Reported.AddHours(1));

        Assert.Equal(("assessed", RiskColour.Yellow), (dispute.Status, dispute.Text(FieldKeys.Risk)));
    }

    [Fact]
    public void Assessment_without_any_colour_asks_for_risk()
    {
        Assert.Equal("'assess' needs --risk", Rejected(NewDispute(), "assess").Message);
    }

    [Fact]
    public void Assessment_with_an_unknown_colour_lists_the_colours()
    {
        Assert.Equal("--risk must be one of red, yellow, green (got 'orange')", Rejected(NewDispute(), "assess", new() { Risk = "orange" }).Message);
    }

    [Fact]
    public void Assignment_records_who_handles_it()
    {
        Assert.Equal("村调委会 王主任", Assigned().Text(FieldKeys.AssignedTo));
    }

    [Fact]
    public void Assignment_without_a_handler_asks_for_to()
    {
        Assert.Equal("'assign' needs --to", Rejected(Assessed(), "assign").Message);
    }

    [Fact]
    public void Resolution_marks_the_time_it_happened()
    {
        Assert.Equal(Reported.AddDays(2), Resolved().Mark("resolve"));
    }

    [Fact]
    public void Follow_up_keeps_the_dispute_resolved()
    {
        Assert.Equal("resolved", _records.Act(Resolved(), "follow-up", Reported.AddDays(10)).Status);
    }

    [Fact]
    public void Follow_up_happens_only_once()
    {
        var dispute = _records.Act(Resolved(), "follow-up", Reported.AddDays(10));

        Assert.Equal($"{dispute.Id} already had its follow-up visit; add notes with 'amend'", Rejected(dispute, "follow-up").Message);
    }

    [Fact]
    public void Red_dispute_under_mediation_can_be_escalated()
    {
        Assert.Equal("escalated", _records.Act(Mediating(RiskColour.Red), "escalate", Reported.AddDays(1)).Status);
    }

    [Fact]
    public void Yellow_dispute_cannot_be_escalated()
    {
        var dispute = Mediating(RiskColour.Yellow);

        Assert.Equal($"only red disputes are escalated to the township; {dispute.Id} is yellow (re-assess it with 'assess --risk red' first)", Rejected(dispute, "escalate").Message);
    }

    [Fact]
    public void Green_dispute_cannot_be_escalated_right_after_assessment()
    {
        Assert.ThrowsAny<RecordInputException>(() => _records.Act(Assessed(RiskColour.Green), "escalate", Reported.AddDays(1)));
    }

    [Fact]
    public void Closing_unresolved_needs_a_note()
    {
        Assert.Equal("'close-unresolved' needs --note saying why", Rejected(Mediating(), "close-unresolved", new() { Note = "  " }).Message);
    }

    [Fact]
    public void Closing_unresolved_with_a_note_keeps_the_note_in_the_ledger_entry()
    {
        _records.Act(Mediating(), "close-unresolved", Reported.AddDays(20), new() { Note = "parties refused mediation; referred to court" });

        Assert.Equal("parties refused mediation; referred to court", _records.LastEvent!.Note);
    }

    [Fact]
    public void Escalated_dispute_can_be_closed_unresolved()
    {
        var dispute = _records.Act(Mediating(RiskColour.Red), "escalate", Reported.AddDays(1));

        Assert.Equal("closed-unresolved", _records.Act(dispute, "close-unresolved", Reported.AddDays(30), new() { Note = "township took it over" }).Status);
    }

    [Fact]
    public void Resolving_a_reported_dispute_says_only_assessment_is_allowed()
    {
        var dispute = NewDispute();

        Assert.Equal($"cannot 'resolve' {dispute.Id}: it is 'reported'; allowed now: assess", Rejected(dispute, "resolve").Message);
    }

    [Fact]
    public void Reassessing_an_assigned_dispute_lists_what_is_allowed_now()
    {
        var dispute = Assigned();

        Assert.Equal($"cannot 'assess' {dispute.Id}: it is 'assigned'; allowed now: mediate, resolve, escalate, close-unresolved",
            Rejected(dispute, "assess", new() { Risk = RiskColour.Red }).Message);
    }

    [Fact]
    public void Resolved_dispute_allows_only_the_follow_up()
    {
        var dispute = Resolved();

        Assert.Equal($"cannot 'mediate' {dispute.Id}: it is 'resolved'; allowed now: follow-up", Rejected(dispute, "mediate").Message);
    }

    [Fact]
    public void Closed_unresolved_dispute_allows_nothing()
    {
        var dispute = _records.Act(Mediating(), "close-unresolved", Reported.AddDays(20), new() { Note = "moved away" });

        Assert.Equal($"cannot 'resolve' {dispute.Id}: it is 'closed-unresolved'; allowed now: none (it is finished)", Rejected(dispute, "resolve").Message);
    }

    [Fact]
    public void Unknown_action_names_what_is_allowed_now()
    {
        Assert.Equal("'approve' is not an action for a dispute; allowed now: assess", Rejected(NewDispute(), "approve").Message);
    }

    [Fact]
    public void Rejected_action_changes_nothing()
    {
        var dispute = NewDispute();
        Rejected(dispute, "resolve");

        Assert.Equal(("reported", 1L), (dispute.Status, dispute.LastSeq));
    }
}
