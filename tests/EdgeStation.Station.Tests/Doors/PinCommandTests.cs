using System.Net;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// `pin set` through the running service: the PIN from standard input (or a prompt), its keyed hash in the PIN store
/// apart from the ledger, an `access` entry that says only that a PIN was set, for whom and by whom; live at the door at
/// once and again after a restart. A PIN of the wrong length, a taken PIN or an unknown person exits 2 with nothing changed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PinCommandTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;
    private string PinFile => Path.Combine(Station.DataDir, PinStore.FileName);

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync(pins: false);

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    private async Task<CliResult> PinSetAsync(string input, params string[] args) =>
        await Station.CliWithInputAsync(input, ["pin", "set", "--pin-stdin", .. args]);

    [Fact]
    public async Task A_pin_from_standard_input_opens_a_pin_door_at_once()
    {
        var r = await PinSetAsync("97531\n", "--person", "P-000001");

        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("PIN set for P-000001", r.Out.Trim());
        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "pin", "97531", "--door", "1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_records_that_a_pin_was_set_and_by_whom_never_the_pin_or_its_hash()
    {
        await PinSetAsync("97531\n", "--person", "P-000001");

        var entry = Station.Store.History("access:person:P-000001").Last();
        Assert.Equal((AccessEntryKeys.PinSet, "cli:tester"), (entry.Event.Action, entry.Event.Actor));
        Assert.Equal(["duress", "id"], entry.Event.Fields.Keys);
        var hash = _doors.Access.System.Pins.Hash("97531");
        var content = entry.Entry.Content;
        Assert.DoesNotContain("97531", content, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pin_store_holds_the_keyed_hash_owner_only_and_never_the_pin()
    {
        await PinSetAsync("97531\n", "--person", "P-000001");

        var text = await File.ReadAllTextAsync(PinFile);
        Assert.Equal($"P-000001 pin {_doors.Access.System.Pins.Hash("97531")}\n", text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PinFile));
    }

    [Fact]
    public async Task A_duress_pin_opens_and_raises_a_silent_alarm()
    {
        var r = await PinSetAsync("97539\n", "--person", "P-000001", "--duress");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("duress PIN set for P-000001", r.Out.Trim());

        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "pin", "97539", "--door", "1"), StringComparison.Ordinal);
        Assert.Contains(_doors.Access.System.Board.Unacknowledged(), a => a.Kind == Access.Alarms.AlarmKind.Duress && a.Silent);
    }

    [Fact]
    public async Task A_changed_pin_replaces_the_old_one()
    {
        await PinSetAsync("97531\n", "--person", "P-000001");

        await PinSetAsync("13579\n", "--person", "P-000001");

        Assert.Contains("UnknownPin", await _doors.OkAsync("door", "simulate", "pin", "97531", "--door", "1"), StringComparison.Ordinal);
        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "pin", "13579", "--door", "1"), StringComparison.Ordinal);
        Assert.Equal(2, Station.Store.History("access:person:P-000001").Count(h => h.Event.Action == AccessEntryKeys.PinSet));
    }

    [Fact]
    public async Task The_pin_is_loaded_from_the_pin_store_at_the_next_start()
    {
        await PinSetAsync("97531\n", "--person", "P-000002");
        await Station.App.StopAsync();
        _doors.Access.Dispose();

        using var again = AccessService.Create(Station.Store, new RecordService(Station.Store, Station.Config, Station.Clock), Station.Config.Access, Station.Clock);

        var match = again.System.Rights.PersonByPinHash(again.System.Pins.Hash("97531"));
        Assert.Equal(("P-000002", false), (match?.Person.Id, match?.Duress));
    }

    [Fact]
    public async Task Removing_a_person_takes_their_pins_out_of_the_pin_store()
    {
        await PinSetAsync("97531\n", "--person", "P-000001");
        await PinSetAsync("97539\n", "--person", "P-000001", "--duress");

        await _doors.OkAsync("person", "remove", "P-000001");

        Assert.Equal("", await File.ReadAllTextAsync(PinFile));
        Assert.Contains("UnknownPin", await _doors.OkAsync("door", "simulate", "pin", "97531", "--door", "1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123\n", "a PIN is 4–8 digits", "--person", "P-000001")]
    [InlineData("123456789\n", "a PIN is 4–8 digits", "--person", "P-000001")]
    [InlineData("12a4\n", "a PIN is 4–8 digits", "--person", "P-000001")]
    [InlineData("", "standard input is empty", "--person", "P-000001")]
    [InlineData("97531\n", "there is no person 'P-000099'", "--person", "P-000099")]
    [InlineData("2580\n", "that PIN is already in use", "--person", "P-000002")]
    [InlineData("2580\n", "that PIN is already in use", "--person", "P-000001", "--duress")]
    [InlineData("97531\n", "--person")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string input, string message, params string[] args)
    {
        await PinSetAsync("2580\n", "--person", "P-000001");
        var head = Station.Store.Head;
        var file = await File.ReadAllTextAsync(PinFile);

        var r = await PinSetAsync(input, args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
        Assert.Equal(file, await File.ReadAllTextAsync(PinFile));
        Assert.False(_doors.Access.System.Rights.HasPin("P-000002", duress: false));
    }

    [Fact]
    public async Task Without_pin_stdin_and_no_terminal_it_says_how_to_send_the_pin()
    {
        var r = await Station.CliAsync("pin", "set", "--person", "P-000001");

        Assert.Equal(2, r.Exit);
        Assert.Contains("use --pin-stdin", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(PinFile));
    }

    [Fact]
    public async Task The_api_answers_400_for_a_pin_of_the_wrong_length_or_a_bad_duress_flag()
    {
        var admin = await _doors.AsAsync("admin");

        var shortPin = await admin.PostAsync("/api/access/persons/P-000001/pin", ApiStation.Json("""{"pin":"12"}"""));
        var badFlag = await admin.PostAsync("/api/access/persons/P-000001/pin", ApiStation.Json("""{"pin":"97531","duress":"yes"}"""));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (shortPin.StatusCode, badFlag.StatusCode));
        Assert.False(_doors.Access.System.Rights.HasPin("P-000001", duress: false));
    }

    public static TheoryData<string, HttpStatusCode> OnlyAdmins => DoorStation.Answers("admin");

    [Theory]
    [MemberData(nameof(OnlyAdmins))]
    public async Task Only_an_admin_sets_a_pin(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/access/persons/P-000001/pin", ApiStation.Json("""{"pin":"97531"}"""));

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, _doors.Access.System.Rights.HasPin("P-000001", duress: false));
    }
}
