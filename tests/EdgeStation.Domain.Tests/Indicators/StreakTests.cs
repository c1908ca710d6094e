using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>Consecutive days without a case, an escalated petition, a lawsuit, cult activity.</summary>
public sealed class StreakTests
{
    // 2026-01-01 .. 2026-03-31: 31 + 28 + 31 - 1 = 89 days after the station started.
    private static readonly DateOnly Date = Cst.Day(2026, 3, 31);
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Quiet_station_counts_every_streak_from_its_start()
    {
        Assert.Equal(new Domain.Indicators.StreakDays(89, 89, 89, 89), _station.On(Date).StreakDays);
    }

    [Fact]
    public void Streak_is_zero_before_the_station_started()
    {
        Assert.Equal(0, _station.On(Cst.Day(2025, 12, 20)).StreakDays.NoCases);
    }

    [Fact]
    public void Case_streak_counts_from_the_day_the_case_happened()
    {
        _station.Records.Case(reported: Cst.At(2026, 3, 12), occurred: Cst.At(2026, 3, 10, 22));

        Assert.Equal(21, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Case_does_not_break_the_other_streaks()
    {
        _station.Records.Case(Cst.At(2026, 3, 10));

        Assert.Equal(89, _station.On(Date).StreakDays.NoLawsuits);
    }

    [Fact]
    public void Most_recent_case_sets_the_streak()
    {
        _station.Records.Case(Cst.At(2026, 3, 20));
        _station.Records.Case(reported: Cst.At(2026, 3, 25), occurred: Cst.At(2026, 2, 1));

        Assert.Equal(11, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Case_today_makes_the_streak_zero()
    {
        _station.Records.Case(Cst.At(2026, 3, 31, 8));

        Assert.Equal(0, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Case_streak_counts_local_days()
    {
        // 00:30 on 03-31 in Shanghai is 03-30 in UTC.
        _station.Records.Case(Cst.At(2026, 3, 31, 0, 30));

        Assert.Equal(0, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Lawsuit_streak_counts_from_the_filing()
    {
        _station.Records.Lawsuit(Cst.At(2026, 3, 20));

        Assert.Equal(11, _station.On(Date).StreakDays.NoLawsuits);
    }

    [Fact]
    public void Cult_streak_counts_from_the_report()
    {
        _station.Records.Cult(Cst.At(2026, 3, 25));

        Assert.Equal(6, _station.On(Date).StreakDays.NoCults);
    }

    [Fact]
    public void Petition_escalated_to_the_county_breaks_the_petition_streak_on_the_day_of_escalation()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "county" });

        Assert.Equal(26, _station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Petition_received_already_at_county_level_breaks_the_streak_on_the_day_it_happened()
    {
        _station.Records.Petition(Cst.At(2026, 3, 21), level: "county");

        Assert.Equal(10, _station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Petition_escalated_only_to_the_township_does_not_break_the_streak_by_default()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });

        Assert.Equal(89, _station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Petition_handled_in_the_village_does_not_break_the_streak()
    {
        _station.Records.Petition(Cst.At(2026, 3, 2));

        Assert.Equal(89, _station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Township_escalation_breaks_the_streak_when_escalation_is_counted_above_the_village()
    {
        var station = new IndicatorFixture(new StationSettings { EscalationAbove = "village" });
        var petition = station.Records.Petition(Cst.At(2026, 3, 2));
        station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });

        Assert.Equal(26, station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Escalation_after_the_date_does_not_break_the_streak_yet()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 4, 2), new() { Level = "county" });

        Assert.Equal(89, _station.On(Date).StreakDays.NoPetitions);
    }

    [Fact]
    public void Voided_case_is_ignored()
    {
        var @case = _station.Records.Case(Cst.At(2026, 3, 10));
        _station.Records.Void(@case, Cst.At(2026, 3, 11), "wrong village");

        Assert.Equal(89, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Case_reported_after_the_date_is_ignored_even_if_it_happened_before()
    {
        _station.Records.Case(reported: Cst.At(2026, 4, 2), occurred: Cst.At(2026, 3, 28));

        Assert.Equal(89, _station.On(Date).StreakDays.NoCases);
    }

    [Fact]
    public void Petition_streak_counts_from_the_escalation_that_went_beyond_the_township()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 20), new() { Level = "county" });

        Assert.Equal(11, _station.On(Date).StreakDays.NoPetitions);
    }
}
