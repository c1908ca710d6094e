using EdgeStation.Access.Keypad;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Keypad;

public sealed class PinEntryTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly PinEntry _entry;

    public PinEntryTests()
    {
        _entry = new PinEntry(_time);
    }

    private string? Type(string keys)
    {
        string? pin = null;
        foreach (var k in keys)
        {
            pin = _entry.Key(k) ?? pin;
            _time.Advance(TimeSpan.FromMilliseconds(400));
        }
        return pin;
    }

    [Fact]
    public void Digits_then_hash_give_the_pin()
    {
        Assert.Equal("1234", Type("1234#"));
    }

    [Fact]
    public void Star_starts_over()
    {
        Assert.Equal("5678", Type("12*5678#"));
    }

    [Fact]
    public void Too_short_pin_gives_nothing()
    {
        Assert.Null(Type("123#"));
    }

    [Fact]
    public void Typing_past_the_longest_pin_discards_the_entry()
    {
        Assert.Null(Type("123456789#"));
        Assert.Equal("4321", Type("4321#"));
    }

    [Fact]
    public void Pause_longer_than_the_key_timeout_forgets_the_digits()
    {
        Type("12");
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Null(Type("34#"));
    }
}
