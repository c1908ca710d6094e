using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Indicators;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Workflows;

/// <summary>A step entered days after it happened (the paper form came back from the township) keeps the day it happened.</summary>
public sealed class EffectiveTimeTests
{
    // Received Mon 03-02: acceptance due Tue 03-17 (day 15).
    private static readonly DateTimeOffset Received = Cst.At(2026, 3, 2, 9);
    private static readonly DateTimeOffset TypedIn = Cst.At(2026, 3, 18, 11);
    private readonly IndicatorFixture _station = new();

    private RecordSnapshot Petition() => _station.Records.Petition(Received);

    private RecordSnapshot Accept(RecordSnapshot petition, string? at, DateTimeOffset? now = null, DateOnly? stationStart = null)
    {
        var e = _station.Records.Commands.Transition(petition, "accept", new() { At = at }, RecordBuilder.Actor, now ?? TypedIn, stationStart);
        return RecordProjector.Apply(petition, e, petition.LastSeq + 1);
    }

    private RecordInputException Rejected(RecordSnapshot record, string at, DateOnly? stationStart = null) =>
        Assert.Throws<RecordInputException>(() => _station.Records.Commands.Transition(record, "accept", new() { At = at }, RecordBuilder.Actor, TypedIn, stationStart));

    [Fact]
    public void Regression_petition_accepted_on_day_15_but_typed_in_on_day_16_was_late()
    {
        _station.Records.Act(Petition(), "accept", TypedIn, new() { At = "2026-03-17" });

        var report = _station.On(Cst.Day(2026, 3, 31));
        Assert.Equal((1, 1), (report.Petitions.AcceptanceDue, report.Petitions.AcceptedOnTime));
    }

    [Fact]
    public void Effective_time_is_a_field_of_the_entry_and_its_at_stays_the_recording_time()
    {
        var petition = Petition();
        var e = _station.Records.Commands.Transition(petition, "accept", new() { At = "2026-03-17T15:30" }, RecordBuilder.Actor, TypedIn);

        Assert.Equal((RecordEvent.Truncate(TypedIn), "2026-03-17T07:30:00Z"), (e.At, e.Fields[FieldKeys.EffectiveAt].Text));
    }

    [Fact]
    public void Effective_time_dates_the_step_but_is_not_a_field_of_the_record()
    {
        var accepted = Accept(Petition(), "2026-03-17T15:30");

        Assert.Equal((Cst.At(2026, 3, 17, 15, 30), false), (accepted.Mark("accept"), accepted.Fields.ContainsKey(FieldKeys.EffectiveAt)));
    }

    [Fact]
    public void Step_without_effective_time_is_dated_when_it_was_recorded()
    {
        var accepted = Accept(Petition(), null);

        Assert.Equal(RecordEvent.Truncate(TypedIn), accepted.Mark("accept"));
    }

    [Fact]
    public void Effective_time_in_the_future_is_refused()
    {
        Assert.Contains("future", Rejected(Petition(), "2026-03-19").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_later_today_is_refused()
    {
        Assert.Contains("future", Rejected(Petition(), "2026-03-18T18:00").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_before_the_petition_was_received_is_refused()
    {
        Assert.Contains("before PT-2026-0001 was received", Rejected(Petition(), "2026-03-01").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_on_the_day_of_receipt_is_accepted_by_the_day()
    {
        Assert.Equal(Cst.Day(2026, 3, 2), DateOnly.FromDateTime(Accept(Petition(), "2026-03-02").Mark("accept")!.Value.ToOffset(Cst.Offset).DateTime));
    }

    [Fact]
    public void Effective_time_before_the_station_started_is_refused()
    {
        var petition = _station.Records.Create(RecordType.Petition, Received, (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.ReceivedAt, "2026-02-20"));

        Assert.Contains("before the station started", Rejected(petition, "2026-02-25", stationStart: Cst.Day(2026, 3, 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_before_the_step_before_it_is_refused()
    {
        var accepted = Accept(Petition(), "2026-03-10");

        var ex = Assert.Throws<RecordInputException>(() => _station.Records.Commands.Transition(accepted, "complete", new() { At = "2026-03-09" }, RecordBuilder.Actor, TypedIn));
        Assert.Contains("before the step before it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_that_is_not_a_date_is_refused()
    {
        Assert.Contains("--at must be a date", Rejected(Petition(), "yesterday").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_deadline_counts_from_the_effective_acceptance()
    {
        // Accepted (really) Tue 03-03: completion due 05-06, not 60 days from the day it was typed in.
        var accepted = Accept(Petition(), "2026-03-03");

        var deadlines = new RecordDeadlines(_station.Records.Settings, HolidayCalendar.Official);
        Assert.Equal(Cst.Day(2026, 5, 6), deadlines.All(accepted, Cst.Day(2026, 3, 31)).Single(d => d.Kind == DeadlineKind.PetitionCompletion).Status.Due);
    }
}
