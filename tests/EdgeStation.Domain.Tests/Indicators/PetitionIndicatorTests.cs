using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>按期受理率, 按期办结率, 重复信访率, 满意率 for petitions received this year.</summary>
public sealed class PetitionIndicatorTests
{
    private readonly IndicatorFixture _station = new();

    private RecordSnapshot Petition(DateTimeOffset received, int persons = 1, string? repeatOf = null) =>
        _station.Records.Petition(received, persons, repeatOf: repeatOf);

    private RecordSnapshot Act(RecordSnapshot petition, string action, DateTimeOffset at, TransitionInput? input = null) =>
        _station.Records.Act(petition, action, at, input);

    /// <summary>Received 2026-03-02, accepted 03-03: completion due 03-03 + 60 = Sat 05-02 (劳动节) → Wed 05-06.</summary>
    private RecordSnapshot AcceptedMarch3() => Act(Petition(Cst.At(2026, 3, 2)), "accept", Cst.At(2026, 3, 3));

    [Fact]
    public void Acceptance_on_time_rate_counts_decisions_made_by_the_last_day()
    {
        // Received Mon 03-02: acceptance due Tue 03-17.
        Act(Petition(Cst.At(2026, 3, 2)), "accept", Cst.At(2026, 3, 5));
        Act(Petition(Cst.At(2026, 3, 2)), "decline", Cst.At(2026, 3, 17, 16), new() { Note = "a court matter" });
        Act(Petition(Cst.At(2026, 3, 2)), "accept", Cst.At(2026, 3, 18));

        Assert.Equal(0.6667, _station.On(Cst.Day(2026, 3, 31)).PetitionAcceptanceOnTimeRate!.Value, 4);
    }

    [Fact]
    public void Undecided_petition_before_its_acceptance_deadline_is_not_yet_due()
    {
        // Received 03-25: acceptance due Thu 04-09.
        Petition(Cst.At(2026, 3, 25));

        Assert.Null(_station.On(Cst.Day(2026, 3, 31)).PetitionAcceptanceOnTimeRate);
    }

    [Fact]
    public void Undecided_petition_past_its_acceptance_deadline_is_due_late_and_overdue()
    {
        Petition(Cst.At(2026, 3, 2));

        var petitions = _station.On(Cst.Day(2026, 3, 31)).Petitions;
        Assert.Equal((1, 0, 1), (petitions.AcceptanceDue, petitions.AcceptedOnTime, petitions.Overdue));
    }

    [Fact]
    public void Completion_on_time_rate_counts_the_rolled_over_last_day_and_extensions()
    {
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 5, 6));   // last day: on time
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 5, 7));   // a day late
        var extended = Act(AcceptedMarch3(), "extend", Cst.At(2026, 4, 20), new() { Days = "30", Reason = "survey", ApprovedBy = "主任" });
        Act(extended, "complete", Cst.At(2026, 5, 29));          // due 03-03 + 90 = Mon 06-01: on time

        Assert.Equal(0.6667, _station.On(Cst.Day(2026, 6, 30)).PetitionCompletionOnTimeRate!.Value, 4);
    }

    [Fact]
    public void Accepted_petition_past_its_completion_deadline_is_overdue()
    {
        AcceptedMarch3();

        Assert.Equal(1, _station.On(Cst.Day(2026, 5, 7)).Petitions.Overdue);
    }

    [Fact]
    public void Accepted_petition_on_its_last_day_is_not_overdue()
    {
        AcceptedMarch3();

        Assert.Equal(0, _station.On(Cst.Day(2026, 5, 6)).Petitions.Overdue);
    }

    [Fact]
    public void On_time_rate_joins_acceptance_and_completion_steps()
    {
        // Acceptance: on time (03-03 <= 03-17). Completion: late (05-07 > 05-06). 1 of 2 steps.
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 5, 7));

        Assert.Equal(0.5, _station.On(Cst.Day(2026, 6, 30)).PetitionOnTimeRate!.Value, 4);
    }

    [Fact]
    public void Repeat_rate_is_repeats_over_petitions_received()
    {
        var first = Petition(Cst.At(2026, 3, 2));
        Petition(Cst.At(2026, 3, 20), repeatOf: first.Id);
        Petition(Cst.At(2026, 3, 21));

        Assert.Equal(0.3333, _station.On(Cst.Day(2026, 3, 31)).PetitionRepeatRate!.Value, 4);
    }

    [Fact]
    public void Satisfaction_rate_counts_satisfied_and_basically_satisfied_over_rated()
    {
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 4, 1), new() { Satisfaction = "satisfied" });
        Act(Act(AcceptedMarch3(), "complete", Cst.At(2026, 4, 1)), "rate", Cst.At(2026, 4, 3), new() { Satisfaction = "basically-satisfied" });
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 4, 1), new() { Satisfaction = "dissatisfied" });
        Act(AcceptedMarch3(), "complete", Cst.At(2026, 4, 1));

        Assert.Equal(0.6667, _station.On(Cst.Day(2026, 4, 30)).PetitionSatisfactionRate!.Value, 4);
    }

    [Fact]
    public void Petition_of_five_or_more_persons_is_collective()
    {
        Petition(Cst.At(2026, 3, 2), persons: 5);
        Petition(Cst.At(2026, 3, 2), persons: 4);

        var petitions = _station.On(Cst.Day(2026, 3, 31)).Petitions;
        Assert.Equal((2, 1), (petitions.Received, petitions.Collective));
    }

    [Fact]
    public void Petition_escalated_beyond_the_township_is_counted_as_escalated()
    {
        Act(Petition(Cst.At(2026, 3, 2)), "escalate", Cst.At(2026, 3, 10), new() { Level = "county" });
        Act(Petition(Cst.At(2026, 3, 2)), "escalate", Cst.At(2026, 3, 10), new() { Level = "township" });

        Assert.Equal(1, _station.On(Cst.Day(2026, 3, 31)).Petitions.Escalated);
    }

    [Fact]
    public void Petition_received_last_year_is_not_counted()
    {
        Petition(Cst.At(2025, 12, 30));

        Assert.Equal(0, _station.On(Cst.Day(2026, 3, 31)).Petitions.Received);
    }

    [Fact]
    public void Voided_petition_is_not_counted()
    {
        _station.Records.Void(Petition(Cst.At(2026, 3, 2)), Cst.At(2026, 3, 3), "test entry");

        Assert.Equal(0, _station.On(Cst.Day(2026, 3, 31)).Petitions.Received);
    }

    [Fact]
    public void Petition_received_after_the_date_is_not_counted()
    {
        Petition(Cst.At(2026, 4, 1));

        Assert.Equal(0, _station.On(Cst.Day(2026, 3, 31)).Petitions.Received);
    }
}
