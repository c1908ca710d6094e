using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Output;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// While the service runs, record writes from the CLI go through its API with the local token in
/// &lt;data-dir&gt;/run/: same output and exit codes as a direct write, the CLI's actor in the ledger.
/// A real service on loopback (<see cref="ApiStation"/>) and the in-process CLI on the same data dir.
/// </summary>
public class CliThroughServiceTests
{
    private static Task<CliResult> AddDisputeAsync(ApiStation api, string risk = "yellow", params string[] more) =>
        api.CliAsync(["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--risk", risk, "--summary", "邻里因宅基地边界发生争执", .. more]);

    private static string Last(ApiStation api, string id) => api.Store.History(id).Last().Event.Actor;

    [Fact]
    public async Task Writes_while_the_service_runs_go_through_it_as_the_cli_actor()
    {
        await using var api = await ApiStation.StartAsync();

        var add = await AddDisputeAsync(api);
        Assert.True(add.Exit == 0, add.Err);
        var id = add.Out.Trim();
        Assert.Equal("cli:tester", Last(api, id));

        var assess = await api.CliAsync("records", "transition", id, "assess", "--risk", "red");
        Assert.Equal(0, assess.Exit);
        Assert.Equal($"{id} assessed", assess.Out.Trim());
        var amend = await api.CliAsync("--actor", "王芳", "records", "amend", id, "--parties", "3", "--reason", "漏记一方");
        Assert.Equal(0, amend.Exit);
        Assert.Equal("王芳", Last(api, id));
        var voided = await api.CliAsync("records", "void", id, "--reason", "重复登记");
        Assert.Equal($"{id} voided", voided.Out.Trim());

        var record = api.Store.Find(id)!;
        Assert.True(record.Voided);
        Assert.Equal(3, record.Fields["parties"].Number);
        Assert.True(Storage.Ledger.LedgerVerifier.Verify(api.Store.Entries()).Ok);
    }

    [Fact]
    public async Task Json_output_through_the_service_is_what_a_direct_write_prints()
    {
        await using var api = await ApiStation.StartAsync();

        var add = await AddDisputeAsync(api, "yellow", "--json");

        Assert.Equal(0, add.Exit);
        var id = JsonDocument.Parse(add.Out).RootElement.GetProperty("id").GetString()!;
        var direct = new StringWriter();
        using (var s = new RecordJson.Stream(direct))
        {
            RecordJson.WriteRecord(s.Writer, api.Store.Find(id)!);
        }
        Assert.Equal(direct.ToString(), add.Out);
    }

    [Fact]
    public async Task Bad_input_through_the_service_exits_2_with_its_message_and_stores_nothing()
    {
        await using var api = await ApiStation.StartAsync();
        var id = (await AddDisputeAsync(api)).Out.Trim();
        var head = api.Store.Head;

        var colour = await AddDisputeAsync(api, "purple");
        var unknown = await api.CliAsync("records", "transition", "DS-2026-9999", "mediate");
        var illegal = await api.CliAsync("records", "transition", id, "follow-up");
        var noReason = await api.CliAsync("records", "void", id);

        foreach (var r in new[] { colour, unknown, illegal, noReason })
        {
            Assert.True(r.Exit == 2, $"exit {r.Exit}: {r.Err}");
            Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
            Assert.Equal("", r.Out);
        }
        Assert.Contains("purple", colour.Err, StringComparison.Ordinal);
        Assert.Contains("no record 'DS-2026-9999'", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(head, api.Store.Head);
    }

    [Fact]
    public async Task A_forged_token_is_refused_with_exit_3_and_nothing_stored()
    {
        await using var api = await ApiStation.StartAsync();
        var head = api.Store.Head;
        File.WriteAllText(Path.Combine(ServiceRunFiles.Dir(api.DataDir), ServiceRunFiles.TokenFile), LocalCliToken.Create().Value);

        var r = await AddDisputeAsync(api);

        Assert.Equal(3, r.Exit);
        Assert.Contains("refused", r.Err, StringComparison.Ordinal);
        Assert.Equal(head, api.Store.Head);
    }

    [Fact]
    public async Task The_token_of_another_stations_service_is_refused()
    {
        await using var api = await ApiStation.StartAsync();
        await using var other = await ApiStation.StartAsync();
        var tokenFile = ServiceRunFiles.TokenFile;
        File.Copy(Path.Combine(ServiceRunFiles.Dir(other.DataDir), tokenFile), Path.Combine(ServiceRunFiles.Dir(api.DataDir), tokenFile), overwrite: true);

        var r = await AddDisputeAsync(api);

        Assert.Equal(3, r.Exit);
        Assert.Contains("not the running service's local token", r.Err, StringComparison.Ordinal);
        Assert.Equal(0, api.Store.Head.Seq);
        Assert.Equal(0, other.Store.Head.Seq);
    }

    [Fact]
    public async Task The_token_writes_records_and_nothing_else()
    {
        await using var api = await ApiStation.StartAsync();
        var token = ServiceRunFiles.ReadToken(api.DataDir)!;
        using var client = api.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/records")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
        // No actor, or one posing as a logged-in user: refused.
        var body = """{"type":"case","fields":{"kind":"criminal"}}""";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/records", ApiStation.Json(body))).StatusCode);
        using var posing = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = ApiStation.Json(body) };
        posing.Headers.Add(LocalCliToken.ActorHeader, "user:admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(posing)).StatusCode);
        Assert.Equal(0, api.Store.Head.Seq);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_run_files_are_the_owners_only_and_go_with_a_graceful_stop()
    {
        await using var api = await ApiStation.StartAsync();
        var dir = ServiceRunFiles.Dir(api.DataDir);
        var info = ServiceRunFiles.TryRead(api.DataDir)!;

        Assert.Equal(api.Address.ToString().TrimEnd('/'), info.Urls.Single().TrimEnd('/'));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, ServiceRunFiles.TokenFile)));
        Assert.Equal(43, ServiceRunFiles.ReadToken(api.DataDir)!.Length); // 256 bits, base64url

        await api.App.StopAsync();

        Assert.False(File.Exists(Path.Combine(dir, ServiceRunFiles.InfoFile)));
        Assert.False(File.Exists(Path.Combine(dir, ServiceRunFiles.TokenFile)));
    }

    [Fact]
    public async Task Regression_ReadCommandsExited3WhileTheServiceRan()
    {
        await using var api = await ApiStation.StartAsync();
        var id = (await AddDisputeAsync(api)).Out.Trim();
        await api.CliAsync("records", "transition", id, "assess", "--risk", "red");
        string[][] reads =
        [
            ["records", "list"], ["records", "show", id], ["records", "verify"], ["records", "anchor"], ["indicators"],
            ["--json", "records", "list", "--type", "dispute"], ["records", "verify", "--json"], ["indicators", "--json"],
            ["records", "export"], ["records", "export", "--format", "csv", "--redact"],
        ];
        var through = new List<CliResult>();
        foreach (var args in reads)
        {
            through.Add(await api.CliAsync(args));
        }

        await api.App.StopAsync(); // the run files go; the same commands now read the database directly
        api.Store.Dispose();

        for (var i = 0; i < reads.Length; i++)
        {
            var direct = await api.CliAsync(reads[i]);
            Assert.True(direct.Exit == 0, $"{string.Join(' ', reads[i])} directly: {direct.Err}");
            Assert.True(through[i].Exit == 0, $"{string.Join(' ', reads[i])} through the service exited {through[i].Exit}: {through[i].Err}");
            Assert.Equal(direct.Out, through[i].Out);
        }
    }

    [Fact]
    public async Task The_monthly_routine_works_while_the_service_runs()
    {
        // README: verify, anchor, then verify against last month's anchor; the export file is written by the CLI.
        await using var api = await ApiStation.StartAsync();
        await AddDisputeAsync(api);
        var verify = await api.CliAsync("records", "verify");
        var anchor = (await api.CliAsync("records", "anchor")).Out.Trim();
        await AddDisputeAsync(api);
        var against = await api.CliAsync("records", "verify", "--expect-head", anchor);
        var file = Path.Combine(Path.GetTempPath(), $"edgestation-export-{Guid.NewGuid():N}.json");
        var export = await api.CliAsync("records", "export", "--output", file);

        try
        {
            Assert.True(verify.Exit == 0, verify.Err);
            Assert.StartsWith("ledger intact", verify.Out, StringComparison.Ordinal);
            Assert.Equal(api.Store.Head.Seq - 1, long.Parse(anchor.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(against.Exit == 0, against.Err);
            Assert.True(export.Exit == 0, export.Err);
            Assert.Equal($"exported to {file}", export.Err.Trim());
            Assert.Contains(api.Store.Head.ToString(), File.ReadAllText(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Failures_of_a_read_through_the_service_keep_their_exit_codes()
    {
        await using var api = await ApiStation.StartAsync();
        await AddDisputeAsync(api);

        var unknown = await api.CliAsync("records", "show", "DS-2026-0099");
        var cut = await api.CliAsync("records", "verify", "--expect-head", "99:" + new string('a', 64));

        Assert.Equal(2, unknown.Exit);
        Assert.Contains("DS-2026-0099", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(1, cut.Exit);
        Assert.Contains("LEDGER TAMPERED", cut.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_read_endpoint_runs_only_read_commands_and_only_for_the_local_token()
    {
        await using var api = await ApiStation.StartAsync();
        var token = ServiceRunFiles.ReadToken(api.DataDir)!;
        using var cli = api.NewClient();
        cli.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        cli.DefaultRequestHeaders.Add(LocalCliToken.ActorHeader, "cli:tester");
        var admin = await api.SignedInAsync("admin", EdgeStation.Domain.Accounts.Role.Admin);
        var head = api.Store.Head;

        var write = await cli.PostAsync(ServiceRead.Path, ApiStation.Json("""{"args":["records","add","case","--kind","criminal"]}"""));
        var users = await cli.PostAsync(ServiceRead.Path, ApiStation.Json("""{"args":["users","list"]}"""));
        var byUser = await admin.PostAsync(ServiceRead.Path, ApiStation.Json("""{"args":["records","list"]}"""));

        Assert.Equal("2", write.Headers.GetValues(ServiceRead.ExitHeader).Single());
        Assert.Equal("2", users.Headers.GetValues(ServiceRead.ExitHeader).Single());
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        Assert.Equal(head, api.Store.Head);
    }

    [Fact]
    public void Files_a_dead_service_left_behind_are_ignored_and_the_cli_writes_directly()
    {
        using var station = new TestStation();
        station.AddDispute();
        // What a service killed with SIGKILL leaves: its files, pointing at a port nobody listens on; no lock held.
        ServiceRunFiles.Publish(station.DataDir, ["http://127.0.0.1:9"], LocalCliToken.Create(), null);

        var r = station.Run("records", "add", "case", "--kind", "criminal");

        Assert.True(r.Exit == 0, r.Err);
        Assert.Matches("^CS-2026-0001$", r.Out.Trim());
        Assert.Contains("cli:tester", station.Ok("records", "show", "CS-2026-0001"), StringComparison.Ordinal);
    }
}
