using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>无上访: an escalated petition is dated by the day it went (or came in) above the line, not by when it was typed in.</summary>
public sealed class EscalatedPetitionStreakTests
{
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Regression_petition_received_above_the_line_was_dated_by_its_entry()
    {
        // Received at county level on 03-05, entered on 03-12: the streak on 03-20 is 15 days, not 8.
        _station.Records.Create(RecordType.Petition, Cst.At(2026, 3, 12),
            (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.Level, "county"), (FieldKeys.ReceivedAt, "2026-03-05T10:00"));

        Assert.Equal(15, _station.On(Cst.Day(2026, 3, 20)).StreakDays.NoPetitions);
    }

    [Fact]
    public void Regression_escalation_recorded_late_was_dated_by_its_entry()
    {
        var petition = _station.Records.Petition(Cst.At(2026, 3, 2));
        _station.Records.Act(petition, "escalate", Cst.At(2026, 3, 12), new() { Level = "county", At = "2026-03-05" });

        Assert.Equal(15, _station.On(Cst.Day(2026, 3, 20)).StreakDays.NoPetitions);
    }
}
