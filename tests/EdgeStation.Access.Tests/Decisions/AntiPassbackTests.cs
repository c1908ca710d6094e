using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;

namespace EdgeStation.Access.Tests.Decisions;

public sealed class AntiPassbackTests
{
    private static DeciderFixture Station(AntiPassbackKind kind) =>
        new(s => s.Id == 1 ? s with { AntiPassback = kind, AntiPassbackZone = "compound", AntiPassbackReset = TimeSpan.FromHours(2) } : s);

    [Fact]
    public void Hard_anti_passback_refuses_a_second_entry_in_a_row()
    {
        using var f = Station(AntiPassbackKind.Hard);
        f.Person(1, [1]);
        Assert.True(f.Card(1, 1, ReaderDirection.In).Granted);
        Assert.Equal(DecisionReason.AntiPassback, f.Card(1, 1, ReaderDirection.In).Reason);
    }

    [Fact]
    public void Hard_anti_passback_lets_in_again_after_going_out()
    {
        using var f = Station(AntiPassbackKind.Hard);
        f.Person(1, [1]);
        f.Card(1, 1, ReaderDirection.In);
        Assert.True(f.Card(1, 1, ReaderDirection.Out).Granted);
        Assert.True(f.Card(1, 1, ReaderDirection.In).Granted);
    }

    [Fact]
    public void Soft_anti_passback_lets_through_and_flags_the_breach()
    {
        using var f = Station(AntiPassbackKind.Soft);
        f.Person(1, [1]);
        f.Card(1, 1, ReaderDirection.In);
        var second = f.Card(1, 1, ReaderDirection.In);
        Assert.True(second.Granted);
        Assert.True(second.PassbackViolation);
    }

    [Fact]
    public void Timed_reset_forgets_the_last_passage()
    {
        using var f = Station(AntiPassbackKind.Hard);
        f.Person(1, [1]);
        f.Card(1, 1, ReaderDirection.In);
        f.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.False(f.Card(1, 1, ReaderDirection.In).Granted);
        f.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(f.Card(1, 1, ReaderDirection.In).Granted);
    }

    [Fact]
    public void Anti_passback_is_kept_per_person()
    {
        using var f = Station(AntiPassbackKind.Hard);
        f.Person(1, [1]);
        f.Person(2, [1]);
        f.Card(1, 1, ReaderDirection.In);
        Assert.True(f.Card(1, 2, ReaderDirection.In).Granted);
    }
}
