using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

/// <summary>Which deadlines a record has, by type and status: the one rule every screen and count uses.</summary>
public sealed class RecordDeadlinesTests
{
    private static readonly DateOnly Day = Cst.Day(2026, 6, 30);
    private readonly RecordBuilder _records = new();
    private readonly RecordDeadlines _deadlines;

    public RecordDeadlinesTests()
    {
        _deadlines = new RecordDeadlines(_records.Settings, HolidayCalendar.Official);
    }

    private string[] Kinds(RecordSnapshot r) => [.. _deadlines.All(r, Day).Select(d => d.Name)];

    private string[] Overdue(RecordSnapshot r) => [.. _deadlines.Overdue(r, Day).Select(d => d.Name)];

    [Fact]
    public void Reported_dispute_has_an_overdue_assessment_and_resolution()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 2));

        Assert.Equal(["assess", "resolve"], Overdue(dispute));
    }

    [Fact]
    public void Resolved_dispute_has_a_follow_up_visit()
    {
        var dispute = _records.Dispute(Cst.At(2026, 3, 2), risk: "yellow");
        dispute = _records.Act(dispute, "assess", Cst.At(2026, 3, 3), new() { Risk = "yellow" });
        dispute = _records.Act(dispute, "assign", Cst.At(2026, 3, 4), new() { AssignedTo = "调解员" });
        dispute = _records.Act(dispute, "resolve", Cst.At(2026, 3, 5));

        Assert.Equal(("assess resolve follow-up", "follow-up"), (string.Join(' ', Kinds(dispute)), string.Join(' ', Overdue(dispute))));
    }

    [Fact]
    public void Received_petition_has_only_its_acceptance_deadline()
    {
        Assert.Equal(["accept"], Kinds(_records.Petition(Cst.At(2026, 6, 1))));
    }

    [Fact]
    public void Accepted_petition_has_both_deadlines()
    {
        var petition = _records.Act(_records.Petition(Cst.At(2026, 6, 1)), "accept", Cst.At(2026, 6, 2));

        Assert.Equal(["accept", "complete"], Kinds(petition));
    }

    [Fact]
    public void Case_has_no_deadlines()
    {
        Assert.Empty(Kinds(_records.Case(Cst.At(2026, 3, 2))));
    }

    [Fact]
    public void Voided_dispute_has_no_deadlines()
    {
        Assert.Empty(Kinds(_records.Void(_records.Dispute(Cst.At(2026, 3, 2)), Cst.At(2026, 3, 3))));
    }

    [Fact]
    public void Open_deadlines_come_earliest_due_first()
    {
        var dispute = _records.Dispute(Cst.At(2026, 6, 29), risk: "green");

        Assert.Equal(["assess", "resolve"], _deadlines.Open(dispute, Day).Select(d => d.Name));
    }
}
