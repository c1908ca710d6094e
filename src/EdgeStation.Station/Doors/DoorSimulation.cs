using System.Device.Gpio;
using EdgeStation.Access.Gpio;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Doors;

/// <summary>
/// `door simulate`: plays a person or a wire at a door on the simulated chip, through the same lines a real reader,
/// keypad, contact or button would use (each burst ended at once, as the frame gap would), and answers with the events
/// the door raised, synchronously. Only with access.gpio "simulated".
/// </summary>
public static class DoorSimulation
{
    public static readonly IReadOnlyList<string> Actions = ["swipe", "pin", "rex", "open", "close", "alarm"];

    /// <summary>Runs <paramref name="request"/> at door <paramref name="doorId"/>; throws <see cref="RecordInputException"/> for what cannot be done.</summary>
    public static IReadOnlyList<AccessEvent> Run(AccessService access, int doorId, DoorSimulateRequest request)
    {
        var chip = access.Simulated
            ?? throw new RecordInputException($"the doors run on {access.Settings.Gpio}: door simulate works only when station.json says access.gpio \"simulated\"");
        var door = access.System.Door(doorId)
            ?? throw new RecordInputException(access.System.Doors.Count == 0
                ? "this station has no doors configured (station.json \"access.doors\")"
                : $"there is no door {doorId}; doors: {string.Join(", ", access.System.Doors.Select(d => $"{d.Id} {d.Name}"))}");
        var action = request.Action?.Trim().ToLowerInvariant() ?? "";
        if (!Actions.Contains(action))
        {
            throw new RecordInputException($"'{request.Action}' is not something to simulate; use one of {string.Join(", ", Actions)}");
        }
        var s = door.Settings;
        var events = new List<AccessEvent>();
        var gate = new Lock();
        void Collect(AccessEvent e)
        {
            lock (gate)
            {
                events.Add(e);
            }
        }
        // Checked before anything is driven: bad input changes nothing.
        bool[]? card = null;
        string? pin = null;
        switch (action)
        {
            case "swipe":
                _ = s.ReaderIn ?? throw new RecordInputException($"door {s.Id} has no card reader");
                card = CardBits(request.Value);
                break;
            case "pin":
                _ = s.Keypad ?? s.ReaderIn ?? throw new RecordInputException($"door {s.Id} has no keypad");
                pin = request.Value?.Trim() ?? "";
                try
                {
                    PinRules.Check(pin);
                }
                catch (AccessInputException ex)
                {
                    throw new RecordInputException(ex.Message);
                }
                break;
            case "rex":
                _ = s.RexPin ?? throw new RecordInputException($"door {s.Id} has no exit button");
                break;
            case "open" or "close":
                _ = s.ContactPin ?? throw new RecordInputException($"door {s.Id} has no door contact");
                break;
            case "alarm":
                _ = access.ButtonBy(s.Id) ?? throw new RecordInputException($"no alarm button sits by door {s.Id} (station.json access.alarmButtons[].door)");
                break;
        }
        access.System.Event += Collect;
        try
        {
            switch (action)
            {
                case "swipe":
                    SimulatedWiegand.Send(chip, s.ReaderIn!.Value, card);
                    door.EndFrames();
                    break;
                case "pin":
                    var keypad = s.Keypad ?? s.ReaderIn!.Value;
                    foreach (var key in pin + "#")
                    {
                        // Each key its own burst, ended at once as the frame gap would.
                        SimulatedWiegand.Send(chip, keypad, SimulatedWiegand.KeyBits(key));
                        door.EndFrames();
                    }
                    break;
                case "rex":
                    chip.Drive(s.RexPin!.Value, PinValue.Low);
                    chip.Drive(s.RexPin!.Value, PinValue.High);
                    break;
                case "open":
                    chip.Drive(s.ContactPin!.Value, PinValue.High);
                    break;
                case "close":
                    chip.Drive(s.ContactPin!.Value, PinValue.Low);
                    break;
                case "alarm":
                    var button = access.ButtonBy(s.Id)!.Input.Pin;
                    chip.Drive(button, PinValue.Low);
                    chip.Drive(button, PinValue.High);
                    break;
            }
        }
        finally
        {
            access.System.Event -= Collect;
        }
        lock (gate)
        {
            return [.. events];
        }
    }

    private static bool[] CardBits(string? text)
    {
        try
        {
            return SimulatedWiegand.CardBits(CardId.Parse(text ?? ""));
        }
        catch (AccessInputException ex)
        {
            throw new RecordInputException(ex.Message);
        }
    }
}
