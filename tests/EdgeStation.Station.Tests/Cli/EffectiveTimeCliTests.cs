using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>`records transition … --at`: a step entered after the fact keeps the day it happened; bad days write nothing.</summary>
public sealed class EffectiveTimeCliTests
{
    private static string AddPetition(TestStation station) =>
        station.Ok("records", "add", "petition", "--channel", "visit", "--persons", "1");

    [Fact]
    public void Regression_petition_accepted_on_day_15_but_typed_in_on_day_16_counted_as_late()
    {
        // Received Tue 03-10: acceptance due Wed 03-25 (day 15), typed in on Thu 03-26.
        using var station = new TestStation();
        var id = AddPetition(station);
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 2, 0, 0, TimeSpan.Zero));

        station.Ok("records", "transition", id, "accept", "--at", "2026-03-25");

        Assert.Contains("accept     2026-03-25  met on time", station.Ok("records", "show", id), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_when_the_step_was_recorded_and_when_it_happened()
    {
        using var station = new TestStation();
        var id = AddPetition(station);
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 18, 2, 0, 0, TimeSpan.Zero));

        station.Ok("records", "transition", id, "accept", "--at", "2026-03-17T15:30");

        var line = station.Ok("records", "show", id).Split('\n').Single(l => l.Contains("tester", StringComparison.Ordinal) && l.Contains(" accept ", StringComparison.Ordinal));
        Assert.Matches(@"2026-03-18 10:00 .* accept .*happened 2026-03-17 15:30", line);
    }

    [Theory]
    [InlineData("2026-03-11", "in the future")]
    [InlineData("2026-03-10T08:00", "before PT-2026-0001 was received")]
    [InlineData("2026-03-09", "before the station started")]
    [InlineData("2026-02-30", "--at must be a date")]
    public void Bad_effective_time_is_exit_2_and_writes_nothing(string at, string message)
    {
        using var station = new TestStation();
        var id = AddPetition(station);
        var head = station.Head();

        var r = station.Run("records", "transition", id, "accept", "--at", at);

        Assert.Equal((2, head), (r.Exit, station.Head()));
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_time_before_the_step_before_it_is_exit_2()
    {
        using var station = new TestStation();
        var id = AddPetition(station);
        station.Clock.Advance(TimeSpan.FromDays(10));
        station.Ok("records", "transition", id, "accept", "--at", "2026-03-15");

        var r = station.Run("records", "transition", id, "complete", "--at", "2026-03-14");

        Assert.Equal(2, r.Exit);
        Assert.Contains("before the step before it", r.Err, StringComparison.Ordinal);
    }
}
