using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;

namespace EdgeStation.Access.Tests.Decisions;

public sealed class AccessDeciderTests : IDisposable
{
    private readonly DeciderFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Enrolled_card_with_a_level_for_the_door_is_granted()
    {
        var id = _f.Person(1, [1]);
        Assert.Equal(new AccessDecision(true, DecisionReason.Granted, id), _f.Card(1, 1));
    }

    [Fact]
    public void Unknown_card_is_refused()
    {
        Assert.Equal(DecisionReason.UnknownCard, _f.Card(1, 99).Reason);
    }

    [Fact]
    public void Pin_alone_opens_a_card_or_pin_door()
    {
        _f.Person(1, [1], pin: "2468");
        Assert.True(_f.Pin(1, "2468").Granted);
    }

    [Fact]
    public void Wrong_pin_is_refused()
    {
        _f.Person(1, [1], pin: "2468");
        Assert.Equal(DecisionReason.UnknownPin, _f.Pin(1, "1357").Reason);
    }

    [Fact]
    public void Card_at_a_card_and_pin_door_waits_for_the_pin()
    {
        _f.Person(1, [1], pin: "2468");
        Assert.Equal(DecisionReason.AwaitingPin, _f.Card(2, 1).Reason);
        Assert.True(_f.CardAndPin(2, 1, "2468").Granted);
    }

    [Fact]
    public void Pin_alone_at_a_card_and_pin_door_is_refused()
    {
        _f.Person(1, [1], pin: "2468");
        Assert.Equal(DecisionReason.CardRequired, _f.Pin(2, "2468").Reason);
    }

    [Fact]
    public void Someone_elses_pin_with_a_card_is_refused()
    {
        _f.Person(1, [1], pin: "2468");
        _f.Person(2, [1], pin: "1357");
        Assert.Equal(DecisionReason.PinMismatch, _f.CardAndPin(2, 1, "1357").Reason);
    }

    [Fact]
    public void Duress_pin_grants_and_raises_the_duress_flag()
    {
        _f.Person(1, [1], pin: "2468", duress: "2469");
        var d = _f.CardAndPin(2, 1, "2469");
        Assert.True(d.Granted);
        Assert.True(d.Duress);
        Assert.False(_f.CardAndPin(2, 1, "2468").Duress);
    }

    [Fact]
    public void Level_limited_to_office_hours_refuses_at_night()
    {
        _f.Person(1, [2], pin: "2468");
        Assert.True(_f.CardAndPin(2, 1, "2468").Granted);
        _f.Time.Advance(TimeSpan.FromHours(9)); // 19:00
        Assert.Equal(DecisionReason.NoRight, _f.CardAndPin(2, 1, "2468").Reason);
    }

    [Fact]
    public void Level_limited_to_office_hours_refuses_on_a_holiday_and_opens_on_a_make_up_workday()
    {
        _f.Person(1, [2], pin: "2468");
        // 2026-10-01 (国庆, Thursday) 10:00 CST and 2026-09-20 (make-up workday, Sunday) 10:00 CST.
        _f.Time.SetUtcNow(new DateTimeOffset(2026, 9, 20, 2, 0, 0, TimeSpan.Zero));
        Assert.True(_f.CardAndPin(2, 1, "2468").Granted);
        _f.Time.SetUtcNow(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(DecisionReason.NoRight, _f.CardAndPin(2, 1, "2468").Reason);
    }

    [Fact]
    public void Person_without_a_level_for_the_door_is_refused()
    {
        _f.Person(1, [2]);
        Assert.Equal(DecisionReason.NoRight, _f.Card(1, 1).Reason);
    }

    [Fact]
    public void Person_past_their_validity_is_refused()
    {
        _f.Person(1, [1], until: new DateOnly(2026, 3, 1));
        Assert.Equal(DecisionReason.NotValid, _f.Card(1, 1).Reason);
    }

    [Fact]
    public void Lockdown_refuses_even_a_valid_card()
    {
        _f.Person(1, [1]);
        _f.Doors[1].Logic.SetMode(DoorMode.Lockdown);
        Assert.Equal(DecisionReason.Lockdown, _f.Card(1, 1).Reason);
    }

    [Fact]
    public void Free_passage_grants_and_still_names_the_card_holder()
    {
        var id = _f.Person(1, []);
        _f.Doors[1].Logic.SetMode(DoorMode.FreePassage);
        Assert.Equal(new AccessDecision(true, DecisionReason.FreePassage, id), _f.Card(1, 1));
    }

    [Fact]
    public void Unknown_door_is_refused()
    {
        Assert.Equal(DecisionReason.UnknownDoor, _f.Card(42, 1).Reason);
    }

    [Fact]
    public void Interlock_refuses_while_the_other_mantrap_door_is_open()
    {
        _f.Person(1, [1]);
        _f.Doors[3].Logic.Grant();
        _f.Doors[3].Logic.Contact(open: true);
        Assert.Equal(DecisionReason.Interlock, _f.Card(4, 1).Reason);
        _f.Doors[3].Logic.Contact(open: false);
        Assert.True(_f.Card(4, 1).Granted);
    }

    [Fact]
    public void Interlock_refuses_while_the_other_mantrap_door_is_still_unlocked()
    {
        _f.Person(1, [1]);
        _f.Doors[3].Logic.Grant();
        Assert.Equal(DecisionReason.Interlock, _f.Card(4, 1).Reason);
        _f.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(_f.Card(4, 1).Granted);
    }
}
