using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Schedules;
using EdgeStation.Station.Config;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The demo station's doors: the reference wiring's configuration (hardware/station.example.json, built into the
/// binary) on the simulated chip, three people with cards as ledger entries of type <c>access</c>, and their PINs.
/// </summary>
public static class DemoDoors
{
    public const string ConfigResource = "hardware/station.example.json";

    /// <summary>(card, PIN, duress PIN) of the demo people, as the demo prints them.</summary>
    public static readonly IReadOnlyList<(string Name, string Card, string Pin, string? Duress)> People =
    [
        ("王主任", "12:10001", "2580", "2589"),
        ("李会计", "12:10002", "1357", null),
        ("网格员张", "12:10003", "4680", null),
    ];

    /// <summary>The access section of hardware/station.example.json, on the simulated chip and a simulated OSDP bus.</summary>
    public static AccessSettings Settings()
    {
        using var stream = typeof(DemoDoors).Assembly.GetManifestResourceStream(ConfigResource)
            ?? throw new InvalidOperationException($"{ConfigResource} is not built into this binary");
        using var reader = new StreamReader(stream);
        return Simulated(StationConfigLoader.Parse(reader.ReadToEnd(), ConfigResource).Access);
    }

    /// <summary><paramref name="access"/> with no hardware: the simulated chip, and the OSDP readers (if any) on a simulated bus.</summary>
    public static AccessSettings Simulated(AccessSettings access) => access with
    {
        Gpio = AccessSettings.Simulated,
        Osdp = access.Osdp is { } o ? o with { Device = OsdpSettings.Simulated } : null,
    };

    /// <summary>Appends the demo's schedules, levels, people and cards to the ledger, once per station (and to <paramref name="live"/> rights if given).</summary>
    public static void Seed(LedgerStore store, DateTimeOffset now, AccessRights? live = null)
    {
        if (store.History("access:person:" + AccessRights.PersonId(1)).Any())
        {
            return;
        }
        var rights = new AccessRights();
        var commands = new AccessCommands(rights, new HashSet<int> { 1, 2 });
        void Append(RecordEvent e)
        {
            store.Append(_ => e);
            rights.Apply(e);
            live?.Apply(e);
        }
        const string actor = "demo";
        Append(commands.SetSchedule(1, "办公时间", WeeklySchedule.Parse("mon-fri 08:00-18:00; holiday closed"), actor, now));
        Append(commands.SetLevel(1, "全部门", [new LevelDoor(1, 0), new LevelDoor(2, 0)], actor, now));
        Append(commands.SetLevel(2, "正门办公时间", [new LevelDoor(1, 1)], actor, now));
        foreach (var (name, card, _, _) in People)
        {
            var add = commands.AddPerson(name, null, null, name == "网格员张" ? [2] : [1], firstIn: false, actor, now);
            Append(add);
            Append(commands.AddCard(add.Fields[AccessEntryKeys.Id].Text!, CardId.Parse(card), actor, now));
        }
    }

    /// <summary>
    /// The demo people's PINs, through the PIN store as `pin set` does (hash apart, an <c>access</c> entry saying it was
    /// set), once per station: a PIN someone changed since stays as they set it.
    /// </summary>
    public static void SetPins(AccessService access)
    {
        var rights = access.System.Rights;
        for (var i = 0; i < People.Count; i++)
        {
            var id = AccessRights.PersonId(i + 1);
            if (rights.Person(id) is null)
            {
                continue;
            }
            if (!rights.HasPin(id, duress: false))
            {
                access.SetPinAsync(id, People[i].Pin, duress: false, "demo").GetAwaiter().GetResult();
            }
            if (People[i].Duress is { } duress && !rights.HasPin(id, duress: true))
            {
                access.SetPinAsync(id, duress, duress: true, "demo").GetAwaiter().GetResult();
            }
        }
    }
}
