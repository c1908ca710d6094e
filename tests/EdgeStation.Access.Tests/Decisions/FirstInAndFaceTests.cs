using EdgeStation.Access.Decisions;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Decisions;

public sealed class FirstInAndFaceTests
{
    /// <summary>The face gate's answer for every person, as a real verifier would give it after matching.</summary>
    private sealed class FixedFace(bool? answer) : ICredentialVerifier
    {
        public List<string> Asked { get; } = [];

        public bool? Verify(string personId, int door)
        {
            Asked.Add(personId);
            return answer;
        }
    }

    [Fact]
    public void First_in_person_during_the_first_in_schedule_starts_first_person_in()
    {
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { FirstInSchedule = 1 } : s);
        f.Person(1, [1], firstIn: true);
        f.Person(2, [1]);
        Assert.False(f.Card(1, 2).StartsFirstIn);
        Assert.True(f.Card(1, 1).StartsFirstIn);
        Assert.True(f.Decider.FirstInOpen(f.Doors[1].Settings));
    }

    [Fact]
    public void First_in_person_outside_the_schedule_only_opens_the_door_once()
    {
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { FirstInSchedule = 1 } : s);
        f.Person(1, [1], firstIn: true);
        f.Time.Advance(TimeSpan.FromHours(9));
        var d = f.Card(1, 1);
        Assert.True(d.Granted);
        Assert.False(d.StartsFirstIn);
    }

    [Fact]
    public void Card_and_face_door_grants_when_the_face_matches_the_card_holder()
    {
        var face = new FixedFace(true);
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { Mode = CredentialMode.CardAndFace } : s, face);
        var id = f.Person(1, [1]);
        Assert.True(f.Card(1, 1).Granted);
        Assert.Equal([id], face.Asked);
    }

    [Fact]
    public void Card_and_face_door_refuses_when_the_face_does_not_match()
    {
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { Mode = CredentialMode.CardAndFace } : s, new FixedFace(false));
        f.Person(1, [1]);
        Assert.Equal(DecisionReason.FaceMismatch, f.Card(1, 1).Reason);
    }

    [Fact]
    public void Card_and_face_door_without_a_face_answer_asks_for_the_pin_so_card_and_pin_still_work()
    {
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { Mode = CredentialMode.CardAndFace } : s, new FixedFace(null));
        f.Person(1, [1], pin: "8642");
        Assert.Equal(DecisionReason.AwaitingPin, f.Card(1, 1).Reason);
        Assert.True(f.CardAndPin(1, 1, "8642").Granted);
    }

    [Fact]
    public void Door_asks_for_card_and_pin_outside_its_mode_schedule()
    {
        using var f = new DeciderFixture(s => s.Id == 1 ? s with { Mode = CredentialMode.Card, ModeSchedule = 1 } : s);
        f.Person(1, [1], pin: "8642");
        Assert.True(f.Card(1, 1).Granted);
        f.Time.Advance(TimeSpan.FromHours(9));
        Assert.Equal(DecisionReason.AwaitingPin, f.Card(1, 1).Reason);
    }
}
