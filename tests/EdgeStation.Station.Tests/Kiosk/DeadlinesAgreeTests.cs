using System.Text.RegularExpressions;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Output;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>
/// One table over record type × status: the kiosk's due list and record page, `records show` and the overdue
/// counts of the indicators name the same overdue deadlines (they once had four rules of their own).
/// </summary>
public sealed partial class DeadlinesAgreeTests
{
    private static readonly (string Name, RecordType Type, (string Action, TransitionInput Input)[] Steps)[] Table =
    [
        ("dispute reported", RecordType.Dispute, []),
        ("dispute assessed", RecordType.Dispute, [("assess", new() { Risk = "yellow" })]),
        ("dispute assigned", RecordType.Dispute, [("assess", new() { Risk = "yellow" }), ("assign", new() { AssignedTo = "调解员" })]),
        ("dispute mediating", RecordType.Dispute, [("assess", new() { Risk = "green" }), ("assign", new() { AssignedTo = "调解员" }), ("mediate", new())]),
        ("dispute resolved", RecordType.Dispute, [("assess", new() { Risk = "green" }), ("assign", new() { AssignedTo = "调解员" }), ("resolve", new())]),
        ("dispute resolved, visited", RecordType.Dispute, [("assess", new() { Risk = "green" }), ("assign", new() { AssignedTo = "调解员" }), ("resolve", new()), ("follow-up", new())]),
        ("dispute escalated", RecordType.Dispute, [("assess", new() { Risk = "red" }), ("escalate", new())]),
        ("dispute closed unresolved", RecordType.Dispute, [("assess", new() { Risk = "red" }), ("close-unresolved", new() { Note = "当事人拒绝调解" })]),
        ("petition received", RecordType.Petition, []),
        ("petition accepted", RecordType.Petition, [("accept", new())]),
        ("petition extended", RecordType.Petition, [("accept", new()), ("extend", new() { Days = "30", Reason = "需要测量土地", ApprovedBy = "镇长" })]),
        ("petition declined", RecordType.Petition, [("decline", new() { Note = "属于法院管辖" })]),
        ("petition completed", RecordType.Petition, [("accept", new()), ("complete", new())]),
        ("case reported", RecordType.Case, []),
        ("grid event reported", RecordType.GridEvent, []),
    ];

    private static readonly Dictionary<RecordType, Dictionary<string, string>> Fields = new()
    {
        [RecordType.Dispute] = new() { ["category"] = "neighbours", ["parties"] = "2", ["summary"] = "宅基地边界" },
        [RecordType.Petition] = new() { ["channel"] = "visit", ["persons"] = "1", ["summary"] = "低保" },
        [RecordType.Case] = new() { ["kind"] = "criminal" },
        [RecordType.GridEvent] = new() { ["category"] = "safety-hazard" },
    };

    [Fact]
    public async Task Due_list_records_show_and_overdue_counts_agree_for_every_type_and_status()
    {
        await using var station = await ApiStation.StartAsync();
        var service = new RecordService(station.Store, station.Config, station.Clock);
        var ids = new List<(string Name, string Id, RecordType Type)>();
        foreach (var (name, type, steps) in Table)
        {
            var id = service.Add(type, Fields[type], "tester").Record!.Id;
            station.Clock.Advance(TimeSpan.FromDays(1));
            foreach (var (action, input) in steps)
            {
                service.Transition(id, action, input, "tester");
            }
            ids.Add((name, id, type));
        }
        station.Clock.Advance(TimeSpan.FromDays(45)); // every short deadline has passed; petition completion has not
        var http = await station.SignedInAsync("official", Role.Official);

        var home = await http.GetStringAsync("/");
        var report = service.Indicators(null);
        int disputeOverdue = 0, petitionsOverdue = 0;
        foreach (var (name, id, type) in ids)
        {
            var show = new StringWriter();
            RecordText.WriteDetail(show, service.Get(id), station.Store.History(id), service);
            var inShow = ShowOverdue().Matches(show.ToString()).Select(m => m.Groups[1].Value).Order().ToList();
            var page = await http.GetStringAsync($"/record/{id}");
            var onPage = PageOverdue().Matches(page).Select(m => m.Groups[1].Value).Order().ToList();
            var onHome = Regex.IsMatch(home, $"<tr class=\"overdue\">\\s*<td><a href=\"/record/{id}\">");

            Assert.True(inShow.SequenceEqual(onPage), $"{name}: records show says [{string.Join(", ", inShow)}] overdue, the kiosk page [{string.Join(", ", onPage)}]");
            Assert.True(onHome == inShow.Count > 0, $"{name}: overdue in records show: {inShow.Count}; on the home due list: {onHome}");
            disputeOverdue += type == RecordType.Dispute ? inShow.Count : 0;
            petitionsOverdue += type == RecordType.Petition && inShow.Count > 0 ? 1 : 0;
        }
        var d = report.Disputes;
        Assert.Equal(disputeOverdue, d.Overdue + d.AssessmentsOverdue + d.FollowUpsOverdue);
        Assert.Equal(petitionsOverdue, report.Petitions.Overdue);
        Assert.True(disputeOverdue > 0 && petitionsOverdue > 0, "the table must have overdue deadlines to compare");
    }

    [GeneratedRegex(@"deadline (\S+)\s+\S+\s+OVERDUE")]
    private static partial Regex ShowOverdue();

    [GeneratedRegex("<p class=\"late\" data-deadline=\"deadline\\.([^\"]+)\"")]
    private static partial Regex PageOverdue();
}
