using System.Globalization;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Demo;

/// <summary>
/// A realistic, deterministic year of one village: about 70 disputes through their whole loop, a dozen
/// petitions with their legal deadlines (one extension, a repeat, a collective one), a public-security case
/// early in the year, and grid events nearly every day. The same village and year give the same steps.
/// </summary>
public static class DemoSeeder
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱"];
    private static readonly string[] Mediators = ["人民调解员王某", "村支书李某", "网格员张某", "司法所刘某"];

    private static readonly Dictionary<string, string[]> DisputeSummaries = new()
    {
        ["marriage-family"] = ["夫妻因家庭开支发生争吵", "兄弟因赡养老人费用分摊产生矛盾", "婆媳因宅院使用发生口角"],
        ["neighbours"] = ["邻里因宅基地边界发生争执", "邻居因排水沟堵塞引发纠纷", "两户因院墙滴水问题争吵"],
        ["land-forest"] = ["村民因承包地边界不清发生争议", "两组因山林界址发生争执", "村民因果树遮挡耕地产生纠纷"],
        ["labour-wages"] = ["务工人员讨要拖欠工资", "装修工人与雇主因工钱结算争执"],
        ["land-requisition"] = ["村民对道路拓宽占地补偿有异议", "青苗补偿标准引发争议"],
        ["other"] = ["村民因家禽损坏庄稼发生争执", "因车辆刮擦赔偿产生纠纷"],
    };

    private static readonly Dictionary<string, string[]> GridSummaries = new()
    {
        ["public-order"] = ["夜间有人聚集喧哗", "发现陌生车辆长时间停放"],
        ["safety-hazard"] = ["路口护栏损坏", "独居老人家中电线老化", "河边缺少警示牌"],
        ["environment"] = ["垃圾点清运不及时", "沟渠有杂物堵塞"],
        ["infrastructure"] = ["路灯不亮", "村道出现坑洼"],
        ["dispute-lead"] = ["两户因鸡鸭越界有口角苗头"],
        ["welfare"] = ["困难户申请临时救助", "留守儿童走访"],
        ["other"] = ["群众咨询政策"],
    };

    public static IReadOnlyList<DemoStep> Generate(string village, int year, DateTimeOffset until, StationSettings settings)
    {
        var time = new StationTime(settings.TimeZone);
        var rng = DemoRandom.For($"{village}|{year.ToString(CultureInfo.InvariantCulture)}");
        var steps = new List<DemoStep>();
        var petitions = new List<int>();
        var lastDay = new DateOnly(year, 12, 31);
        var untilDay = time.LocalDate(until);
        if (untilDay < lastDay)
        {
            lastDay = untilDay;
        }
        DateTimeOffset At(DateOnly day, int hour, int minute) => time.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, time.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        string Names(int n) => string.Join("、", Enumerable.Range(0, n).Select(_ => rng.Pick(Surnames) + "某").Distinct());
        string Phone() => "1380013" + rng.Between(0, 9999).ToString("D4", CultureInfo.InvariantCulture);

        int Create(DateTimeOffset at, RecordType type, Dictionary<string, string> fields, int? repeatOf = null)
        {
            fields[FieldKeys.ReportedAt] = Local(at);
            steps.Add(new DemoStep(at, type, steps.Count) { Fields = fields, RepeatOf = repeatOf });
            return steps.Count - 1;
        }

        void Then(int created, DateTimeOffset at, string action, TransitionInput? input = null)
        {
            if (at <= until)
            {
                steps.Add(new DemoStep(at, steps[created].Type, created) { Action = action, Input = input ?? new() });
            }
        }

        var caseDay = new DateOnly(year, 2, 1).AddDays(rng.Between(0, 40));
        for (var day = new DateOnly(year, 1, 1); day <= lastDay; day = day.AddDays(1))
        {
            if (day == caseDay)
            {
                var at = At(day, 21, rng.Between(0, 59));
                var id = Create(at, RecordType.Case, new()
                {
                    [FieldKeys.Kind] = "public-security",
                    [FieldKeys.PoliceRef] = $"公(治)字[{year}]{rng.Between(100, 999)}号",
                    [FieldKeys.Summary] = "酒后斗殴, 派出所出警处理",
                    [FieldKeys.Grid] = "grid-" + rng.Between(1, 4),
                });
                Then(id, at.AddDays(rng.Between(5, 20)), "close", new() { Note = "行政处罚已执行" });
            }
            if (rng.Chance(0.2))
            {
                Dispute(day);
            }
            if (rng.Chance(0.035))
            {
                Petition(day);
            }
            var gridEvents = rng.Chance(0.8) ? 1 : 0;
            for (var i = 0; i < gridEvents; i++)
            {
                var category = rng.Weighted(("safety-hazard", 3.0), ("environment", 3.0), ("infrastructure", 2.0), ("public-order", 1.0), ("welfare", 2.0), ("dispute-lead", 0.5), ("other", 0.5));
                var at = At(day, rng.Between(8, 17), rng.Between(0, 59));
                var id = Create(at, RecordType.GridEvent, new()
                {
                    [FieldKeys.Category] = category,
                    [FieldKeys.Grid] = "grid-" + rng.Between(1, 4),
                    [FieldKeys.Summary] = rng.Pick(GridSummaries[category]),
                });
                if (rng.Chance(0.95))
                {
                    Then(id, at.AddHours(rng.Between(2, 72)), "close");
                }
            }
        }
        // Stable sort: a record's steps keep their order. Nothing after `until` (a record's later steps are later still).
        return steps.Where(s => s.At <= until).OrderBy(s => s.At).ToList();

        void Dispute(DateOnly day)
        {
            var category = rng.Weighted(("neighbours", 4.0), ("marriage-family", 3.0), ("land-forest", 2.0), ("labour-wages", 1.0), ("land-requisition", 0.5), ("other", 1.0));
            var at = At(day, rng.Between(8, 17), rng.Between(0, 59));
            var parties = rng.Between(2, 4);
            var id = Create(at, RecordType.Dispute, new()
            {
                [FieldKeys.Category] = category,
                [FieldKeys.Parties] = parties.ToString(CultureInfo.InvariantCulture),
                [FieldKeys.OccurredAt] = Local(at.AddDays(-rng.Between(0, 3))),
                [FieldKeys.Grid] = "grid-" + rng.Between(1, 4),
                [FieldKeys.Summary] = rng.Pick(DisputeSummaries[category]),
                [FieldKeys.PartyNames] = Names(parties),
                [FieldKeys.Phone] = Phone(),
            });
            var risk = rng.Weighted((RiskColour.Red, 0.08), (RiskColour.Yellow, 0.27), (RiskColour.Green, 0.65));
            var t = at.AddHours(rng.Between(2, 30));
            Then(id, t, "assess", new() { Risk = risk });
            t = t.AddHours(rng.Between(1, 24));
            Then(id, t, "assign", new() { AssignedTo = rng.Pick(Mediators) });
            t = t.AddHours(rng.Between(4, 48));
            Then(id, t, "mediate");
            var limit = settings.DisputeDeadlines.ResolutionDays(risk);
            if (risk == RiskColour.Red && rng.Chance(0.25))
            {
                Then(id, t.AddHours(rng.Between(2, 24)), "escalate", new() { Note = "上报镇综治中心" });
                return;
            }
            if (rng.Chance(0.03))
            {
                Then(id, t.AddDays(limit), "close-unresolved", new() { Note = "当事人拒绝调解, 已引导诉讼" });
                return;
            }
            var resolved = at.AddDays(rng.Chance(0.92) ? rng.Between(1, Math.Max(1, limit - 1)) : limit + rng.Between(1, 6));
            if (resolved <= t)
            {
                resolved = t.AddHours(3);
            }
            Then(id, resolved, "resolve", new() { Note = "双方达成调解协议" });
            if (rng.Chance(0.9))
            {
                Then(id, resolved.AddDays(rng.Between(3, 14)), "follow-up", new() { Note = "回访: 协议已履行" });
            }
        }

        void Petition(DateOnly day)
        {
            var at = At(day, rng.Between(8, 17), rng.Between(0, 59));
            var collective = rng.Chance(0.08);
            var persons = collective ? rng.Between(5, 12) : rng.Between(1, 2);
            int? repeat = petitions.Count > 0 && rng.Chance(0.12) ? petitions[rng.Between(0, petitions.Count - 1)] : null;
            var id = Create(at, RecordType.Petition, new()
            {
                [FieldKeys.Channel] = rng.Weighted(("visit", 5.0), ("letter", 2.0), ("phone", 2.0), ("online", 1.0)),
                [FieldKeys.Persons] = persons.ToString(CultureInfo.InvariantCulture),
                [FieldKeys.Grid] = "grid-" + rng.Between(1, 4),
                [FieldKeys.Summary] = rng.Pick(["反映低保评定不公", "反映征地补偿款未到位", "反映邻村排污影响农田", "要求解决饮水管道漏水"]),
                [FieldKeys.PartyNames] = Names(Math.Min(persons, 3)),
                [FieldKeys.Phone] = Phone(),
            }, repeat);
            petitions.Add(id);
            var t = at.AddDays(rng.Between(1, 12));
            if (rng.Chance(0.05))
            {
                Then(id, t, "decline", new() { Note = "不属于本级受理范围, 已告知向县级部门反映" });
                return;
            }
            Then(id, t, "accept");
            if (rng.Chance(0.1))
            {
                Then(id, t.AddDays(50), "extend", new() { Days = "30", Reason = "涉及多部门协调, 情况复杂", ApprovedBy = "镇信访办主任" });
                t = t.AddDays(rng.Between(60, 85));
            }
            else
            {
                t = t.AddDays(rng.Between(10, 55));
            }
            Then(id, t, "complete");
            Then(id, t.AddDays(rng.Between(1, 5)), "rate", new()
            {
                Satisfaction = rng.Weighted(("satisfied", 0.85), ("basically-satisfied", 0.1), ("dissatisfied", 0.05)),
            });
        }
    }
}
