using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Osdp;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Cli;

namespace EdgeStation.Station.Config;

/// <summary>
/// Checks station.json's "access" section: every door and button complete, ids and names unique, each line used once
/// and on the board (BCM 0–27 of the 40-pin header), modes known, OSDP readers at doors that exist. Any problem is a usage error naming the key (exit 2).
/// </summary>
public static class AccessConfigParser
{
    /// <summary>BCM 0–27: the lines of the Raspberry Pi's 40-pin header.</summary>
    public const int BoardLines = 28;

    public static AccessSettings Parse(AccessConfigDocument? doc, string path)
    {
        if (doc is null)
        {
            return AccessSettings.None;
        }
        var gpio = doc.Gpio?.Trim() is { Length: > 0 } g ? g : AccessSettings.Simulated;
        if (gpio != AccessSettings.Simulated && !gpio.StartsWith("gpiochip", StringComparison.Ordinal))
        {
            Fail(path, "access.gpio", $"must be \"simulated\" or a GPIO chip such as \"gpiochip0\" (got '{gpio}')");
        }
        var used = new Dictionary<int, string>();
        void Use(int? pin, string role)
        {
            if (pin is not { } p)
            {
                return;
            }
            if (p is < 0 or >= BoardLines)
            {
                Fail(path, role, $"GPIO {p} is not on the board (the 40-pin header has BCM 0–{BoardLines - 1})");
            }
            if (used.TryGetValue(p, out var other))
            {
                Fail(path, role, $"GPIO {p} is already used by {other}");
            }
            used[p] = role;
        }
        var doors = new List<DoorSettings>();
        foreach (var (d, i) in (doc.Doors ?? []).Select((d, i) => (d, i)))
        {
            var key = $"access.doors[{i}]";
            var id = d.Id is { } n && n is >= 1 and <= 999 ? n : Fail<int>(path, key + ".id", "a door needs an id from 1 to 999");
            if (doors.Any(x => x.Id == id))
            {
                Fail(path, key + ".id", $"door {id} is configured twice");
            }
            var name = d.Name?.Trim() is { Length: > 0 and <= 32 } nm ? nm : Fail<string>(path, key + ".name", "a door needs a name of 1–32 characters");
            if (doors.Any(x => x.Name == name))
            {
                Fail(path, key + ".name", $"two doors are called '{name}'");
            }
            var lockPin = d.Lock ?? Fail<int>(path, key + ".lock", "a door needs the GPIO line of its lock relay");
            Use(lockPin, $"{key}.lock");
            Use(d.Contact, $"{key}.contact");
            Use(d.Rex, $"{key}.rex");
            Use(d.Buzzer, $"{key}.buzzer");
            Use(d.Led, $"{key}.led");
            var settings = new DoorSettings(id, name, lockPin)
            {
                LockActiveHigh = d.LockActiveHigh ?? true,
                FailMode = d.FailMode?.Trim().ToLowerInvariant() switch
                {
                    null or "secure" => LockFailMode.FailSecure,
                    "safe" => LockFailMode.FailSafe,
                    var other => Fail<LockFailMode>(path, key + ".failMode", $"must be \"safe\" (断电开门, magnetic lock) or \"secure\" (断电关门, strike) (got '{other}')"),
                },
                Pulse = Seconds(d.PulseSeconds, 5, 1, 600, path, key + ".pulseSeconds"),
                HeldOpenAfter = Seconds(d.HeldOpenSeconds, 30, 5, 3600, path, key + ".heldOpenSeconds"),
                ContactPin = d.Contact,
                RexPin = d.Rex,
                BuzzerPin = d.Buzzer,
                LedPin = d.Led,
                ReaderIn = Wiegand(d.ReaderIn, $"{key}.readerIn", path, Use),
                ReaderOut = Wiegand(d.ReaderOut, $"{key}.readerOut", path, Use),
                Keypad = Wiegand(d.Keypad, $"{key}.keypad", path, Use),
                Mode = Mode(d.Mode, CredentialMode.CardOrPin, path, key + ".mode"),
                ModeSchedule = d.ModeSchedule,
                ModeOutside = Mode(d.ModeOutside, CredentialMode.CardAndPin, path, key + ".modeOutside"),
                AntiPassback = d.AntiPassback?.Trim().ToLowerInvariant() switch
                {
                    null or "none" => AntiPassbackKind.None,
                    "soft" => AntiPassbackKind.Soft,
                    "hard" => AntiPassbackKind.Hard,
                    var other => Fail<AntiPassbackKind>(path, key + ".antiPassback", $"must be none, soft or hard (got '{other}')"),
                },
                AntiPassbackZone = d.AntiPassbackZone,
                InterlockGroup = d.InterlockGroup,
                FirstInSchedule = d.FirstInSchedule,
            };
            doors.Add(settings);
        }
        var buttons = new List<AlarmButton>();
        foreach (var (b, i) in (doc.AlarmButtons ?? []).Select((b, i) => (b, i)))
        {
            var key = $"access.alarmButtons[{i}]";
            var name = b.Name?.Trim() is { Length: > 0 and <= 32 } nm ? nm : Fail<string>(path, key + ".name", "an alarm button needs a name of 1–32 characters");
            if (doors.Any(d => d.Name == name) || buttons.Any(x => x.Input.Name == name))
            {
                Fail(path, key + ".name", $"'{name}' already names a door or another button");
            }
            var pin = b.Pin ?? Fail<int>(path, key + ".pin", "an alarm button needs its GPIO line");
            Use(pin, $"{key}.pin");
            if (b.Door is { } door && doors.All(d => d.Id != door))
            {
                Fail(path, key + ".door", $"there is no door {door}");
            }
            var kind = b.Kind?.Trim().ToLowerInvariant() switch
            {
                null or "panic" => AlarmKind.Panic,
                "tamper" => AlarmKind.Tamper,
                var other => Fail<AlarmKind>(path, key + ".kind", $"must be panic or tamper (got '{other}')"),
            };
            buttons.Add(new AlarmButton(new AlarmInputSettings(name, pin) { Kind = kind }, b.Door ?? 0));
        }
        return new AccessSettings(gpio, doors, buttons)
        {
            EventRetention = doc.EventRetentionDays is { } days
                ? (days is >= 1 and <= 3650 ? TimeSpan.FromDays(days) : Fail<TimeSpan>(path, "access.eventRetentionDays", $"must be 1–3650 (got {days})"))
                : Storage.Access.AccessEventLog.DefaultRetention,
            EventQueue = doc.EventQueue is { } q
                ? (q is >= 100 and <= 1_000_000 ? q : Fail<int>(path, "access.eventQueue", $"must be 100–1000000 (got {q})"))
                : Storage.Access.AccessEventLog.DefaultCapacity,
            Osdp = Osdp(doc.Osdp, doors, path),
        };
    }

    /// <summary>"access.osdp": the device ("simulated" or a path under /dev), a speed OSDP uses, and readers each at a door side.</summary>
    private static OsdpSettings? Osdp(OsdpConfigDocument? doc, IReadOnlyList<DoorSettings> doors, string path)
    {
        if (doc is null)
        {
            return null;
        }
        var device = doc.Device?.Trim() is { Length: > 0 } dv ? dv
            : Fail<string>(path, "access.osdp.device", "needs the serial device of the RS-485 adapter (e.g. \"/dev/serial/by-id/usb-FTDI_…\" or \"/dev/ttyUSB0\"), or \"simulated\"");
        if (device != OsdpSettings.Simulated && (!device.StartsWith("/dev/", StringComparison.Ordinal) || device.Contains("/../", StringComparison.Ordinal)))
        {
            Fail(path, "access.osdp.device", $"must be a serial device under /dev (e.g. /dev/ttyUSB0) or \"simulated\" (got '{device}')");
        }
        var baud = doc.Baud ?? 9600;
        if (!SerialOsdpConnection.SupportedBaudRates.Contains(baud))
        {
            Fail(path, "access.osdp.baud", $"must be one of {string.Join(", ", SerialOsdpConnection.SupportedBaudRates)} (got {baud}); readers leave the factory at 9600");
        }
        if (doc.Readers is not { Count: > 0 } readers)
        {
            return Fail<OsdpSettings>(path, "access.osdp.readers", "an OSDP bus needs at least one reader: { \"address\": 1, \"door\": 1, \"direction\": \"in\" }");
        }
        var bindings = new List<OsdpReaderBinding>();
        foreach (var (r, i) in readers.Select((r, i) => (r, i)))
        {
            var key = $"access.osdp.readers[{i}]";
            var address = r.Address is { } a && a is >= 0 and < OsdpPacket.Broadcast ? (byte)a
                : Fail<byte>(path, key + ".address", $"an OSDP reader address is 0–{OsdpPacket.Broadcast - 1} (got {(r.Address is { } got ? got.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")})");
            var number = r.Reader is { } n ? (n is >= 0 and <= 255 ? (byte)n : Fail<byte>(path, key + ".reader", $"a reader number on a device is 0–255 (got {n})")) : (byte)0;
            var door = r.Door is { } d && doors.Any(x => x.Id == d) ? d
                : Fail<int>(path, key + ".door", r.Door is { } unknown ? $"there is no door {unknown} (doors: {string.Join(", ", doors.Select(x => x.Id))})" : "an OSDP reader needs the door it serves");
            var direction = r.Direction?.Trim().ToLowerInvariant() switch
            {
                null or "in" => ReaderDirection.In,
                "out" => ReaderDirection.Out,
                var other => Fail<ReaderDirection>(path, key + ".direction", $"must be \"in\" or \"out\" (got '{other}')"),
            };
            if (bindings.Any(b => b.Address == address && b.Reader == number))
            {
                Fail(path, key + ".address", $"reader {number} at address {address} is configured twice");
            }
            bindings.Add(new OsdpReaderBinding(address, number, door, direction));
        }
        return new OsdpSettings(device, baud, doc.SecureChannel ?? true, bindings);
    }

    private static WiegandPins? Wiegand(WiegandPinsDocument? doc, string key, string path, Action<int?, string> use)
    {
        if (doc is null)
        {
            return null;
        }
        var d0 = doc.D0 ?? Fail<int>(path, key + ".d0", "a Wiegand reader needs both data lines, d0 and d1");
        var d1 = doc.D1 ?? Fail<int>(path, key + ".d1", "a Wiegand reader needs both data lines, d0 and d1");
        use(d0, key + ".d0");
        use(d1, key + ".d1");
        return new WiegandPins(d0, d1);
    }

    private static CredentialMode Mode(string? text, CredentialMode fallback, string path, string key)
    {
        if (text is null)
        {
            return fallback;
        }
        try
        {
            return CredentialModes.Parse(text);
        }
        catch (AccessInputException ex)
        {
            return Fail<CredentialMode>(path, key, ex.Message);
        }
    }

    private static TimeSpan Seconds(double? value, double fallback, double min, double max, string path, string key) =>
        value is not { } v ? TimeSpan.FromSeconds(fallback)
        : v >= min && v <= max ? TimeSpan.FromSeconds(v)
        : Fail<TimeSpan>(path, key, $"must be {min}–{max} seconds (got {v})");

    private static void Fail(string path, string key, string why) => throw new UsageException($"config file {path}: {key}: {why}");

    private static T Fail<T>(string path, string key, string why) => throw new UsageException($"config file {path}: {key}: {why}");
}
