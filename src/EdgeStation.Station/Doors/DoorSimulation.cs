using System.Device.Gpio;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Gpio;
using EdgeStation.Access.Osdp;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Doors;

/// <summary>
/// `door simulate`: plays a person or a wire at a door on the simulated chip, through the same lines a real reader,
/// keypad, contact or button would use (each burst ended at once, as the frame gap would), and answers with the events
/// the door raised, synchronously. Only with access.gpio "simulated". A swipe or PIN at a door side served by an OSDP reader
/// (access.osdp with device "simulated") is presented to that simulated reader, and one poll round of the bus carries it to
/// the door and the door's answer back to the reader's LED and beeper.
/// </summary>
public static class DoorSimulation
{
    public static readonly IReadOnlyList<string> Actions = ["swipe", "pin", "rex", "open", "close", "alarm"];

    /// <summary>The events of <see cref="RunAsync"/>, waiting for them (kiosk tests drive the doors this way).</summary>
    public static IReadOnlyList<AccessEvent> Run(AccessService access, int doorId, DoorSimulateRequest request) =>
        RunAsync(access, doorId, request, CancellationToken.None).GetAwaiter().GetResult().Events;

    /// <summary>Runs <paramref name="request"/> at door <paramref name="doorId"/>; throws <see cref="RecordInputException"/> for what cannot be done.</summary>
    public static async Task<SimulatedAttempt> RunAsync(AccessService access, int doorId, DoorSimulateRequest request, CancellationToken cancellationToken)
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
        var side = request.Reader?.Trim().ToLowerInvariant() switch
        {
            null or "" or "in" => ReaderDirection.In,
            "out" => ReaderDirection.Out,
            var other => throw new RecordInputException($"--reader is in or out (got '{other}')"),
        };
        if (request.Reader is not null && action is not ("swipe" or "pin"))
        {
            throw new RecordInputException($"--reader goes with swipe and pin, not {action}");
        }
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
        // The wired reader of that side, else the OSDP reader there (a wired one wins: it is what the pin map shows).
        var wired = side == ReaderDirection.In ? (action == "pin" ? s.Keypad ?? s.ReaderIn : s.ReaderIn) : s.ReaderOut;
        OsdpReaderBinding? osdp = null;
        SimulatedOsdpReader? osdpReader = null;
        if (action is "swipe" or "pin" && wired is null)
        {
            osdp = access.Osdp?.ReaderAt(s.Id, side)
                ?? throw new RecordInputException($"door {s.Id} has no {(action == "pin" ? "keypad" : "card reader")} on its {(side == ReaderDirection.In ? "in" : "out")} side");
            osdpReader = access.Osdp!.Simulated.GetValueOrDefault(osdp.Value.Address)
                ?? throw new RecordInputException($"the OSDP readers are on {access.Osdp.Settings.Device}: door simulate reaches them only when station.json says access.osdp.device \"simulated\"");
            if (access.Osdp!.Supervisor.Panel is null)
            {
                throw new RecordInputException($"the OSDP bus is down ({access.Osdp!.Supervisor.LastError ?? "not started"}); it is opened again by itself, see door list");
            }
        }
        switch (action)
        {
            case "swipe":
                card = CardBits(request.Value);
                break;
            case "pin":
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
        var ledsBefore = osdpReader?.LedCommands.Count ?? 0;
        try
        {
            switch (action)
            {
                case "swipe" or "pin" when osdpReader is not null:
                    if (card is not null)
                    {
                        osdpReader.PresentCard(card, osdp!.Value.Reader);
                    }
                    else
                    {
                        osdpReader.PressKeys(pin + "#", osdp!.Value.Reader);
                    }
                    // One round polls the reader (the door decides as the reply comes in) and sends the LED and beeper answer.
                    await access.Osdp!.Supervisor.RoundAsync(cancellationToken);
                    break;
                case "swipe":
                    SimulatedWiegand.Send(chip, wired!.Value, card);
                    door.EndFrames();
                    break;
                case "pin":
                    var keypad = wired!.Value;
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
        List<AccessEvent> seen;
        lock (gate)
        {
            seen = [.. events];
        }
        if (osdpReader is null)
        {
            return new SimulatedAttempt(seen);
        }
        // What crossed the bus to the reader: the last LED record's temporary colour, and the beeper's count.
        var led = osdpReader.LedCommands.Count > ledsBefore ? osdpReader.LedCommands[^1][5] : (byte?)null;
        return new SimulatedAttempt(seen)
        {
            OsdpAddress = osdp!.Value.Address,
            ReaderLed = led is { } c ? new OsdpFeedback(0, 0, c, 0, 0, 0).ColorName : null,
            ReaderBeeps = led is null || osdpReader.BuzzerCommands.Count == 0 ? 0 : osdpReader.BuzzerCommands[^1][4],
        };
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
