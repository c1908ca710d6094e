using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Api;

/// <summary>
/// Issue 15, item 5: a few thousand generated bodies, each wrong by construction (truncated, wrong types, invalid
/// UTF-8, lone surrogates, members given twice, huge numbers, deep nesting, raw control characters, random bytes),
/// posted to every record write endpoint. Each must be a 4xx problem detail; afterwards the service answers, and the
/// ledger is exactly as before and verifies. The random source is seeded: a failure names the seed and the body.
/// </summary>
public sealed class MalformedBodyFuzzTests : OfficialApiTest
{
    private const int Seed = 15;
    private const int Bodies = 3000;

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly string[] LoneSurrogates = [@"\ud800", @"\udfff", @"\ud800\u0041", @"\udc00\ud800", @"x\ud83d"];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1E+99999", "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616",
        "1.7976931348623157e309", "0.00000000000000000000000000000000000000000000001", "99999999999", "-2147483649",
    ];

    // No numbers and no strings: a field value may be either, so only these are wrong wherever they land.
    private static readonly string[] WrongTypes = ["[]", "{}", "true", "false", "[1,2]", """{"a":"b"}""", """["x"]"""];

    private string _dispute = "";
    private string _petition = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _dispute = await Create("""{"type":"dispute","fields":{"category":"neighbours","parties":2,"summary":"邻里纠纷"}}""");
        _petition = await Create("""{"type":"petition","fields":{"channel":"visit","persons":1}}""");
    }

    [Fact]
    public async Task Thousands_of_malformed_bodies_get_4xx_problems_and_change_nothing()
    {
        var head = Station.Store.Head;
        var records = Station.Store.Records().Count();
        var random = new Random(Seed);
        var answered = new Dictionary<int, int>();

        for (var i = 0; i < Bodies; i++)
        {
            var (path, template) = Target(random);
            var (how, body) = Mutate(random, template);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await Http.PostAsync(path, content);

            var status = (int)response.StatusCode;
            var why = $"seed {Seed}, body #{i} ({how}) to {path}: {status}; body {Convert.ToBase64String(body)}";
            Assert.True(status is >= 400 and < 500, why);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", why);
            answered[status] = answered.GetValueOrDefault(status) + 1;
        }

        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(head, Station.Store.Head);
        Assert.Equal(records, Station.Store.Records().Count());
        Assert.True(LedgerVerifier.Verify(Station.Store.Entries()).Ok);
        Assert.True(answered.GetValueOrDefault(400) > Bodies / 2, $"answers: {string.Join(", ", answered.Select(a => $"{a.Key}×{a.Value}"))}");
    }

    /// <summary>An endpoint and a valid body for it: every mutation below makes the body wrong.</summary>
    private (string Path, string Template) Target(Random random)
    {
        var id = random.Next(2) == 0 ? _dispute : _petition;
        return random.Next(5) switch
        {
            0 => ("/api/records", """{"type":"dispute","fields":{"category":"neighbours","parties":2,"summary":"邻里纠纷","phone":"13800138000"}}"""),
            1 => ("/api/records", """{"type":"petition","fields":{"channel":"letter","persons":3,"partyNames":"张某"}}"""),
            2 => ($"/api/records/{id}/transitions", """{"action":"extend","days":10,"reason":"材料待补"}"""),
            3 => ($"/api/records/{id}/amendments", """{"fields":{"summary":"更正后的摘要"},"reason":"笔误"}"""),
            _ => ($"/api/records/{id}/void", """{"reason":"重复登记"}"""),
        };
    }

    private static (string How, byte[] Body) Mutate(Random random, string template)
    {
        var bytes = Encoding.UTF8.GetBytes(template);
        switch (random.Next(10))
        {
            case 0:
                return ("truncated", bytes[..random.Next(bytes.Length)]);
            case 1:
                return ("invalid UTF-8 in a string", Insert(bytes, InsideString(random, template), BadUtf8[random.Next(BadUtf8.Length)]));
            case 2:
                return ("lone surrogate", Insert(bytes, InsideString(random, template), Encoding.UTF8.GetBytes(LoneSurrogates[random.Next(LoneSurrogates.Length)])));
            case 3:
                return ("member given twice", Encoding.UTF8.GetBytes(Twice(random, template)));
            case 4:
                return ("wrong type", Encoding.UTF8.GetBytes(ReplaceValue(random, template, WrongTypes[random.Next(WrongTypes.Length)], stringsToo: true)));
            case 5:
                return ("huge number", Encoding.UTF8.GetBytes(HugeNumber(random, template)));
            case 6:
                var depth = random.Next(17, 3000);
                var nested = new string('[', depth) + new string(']', depth);
                return ("deep nesting", Encoding.UTF8.GetBytes(ReplaceValue(random, template, nested, stringsToo: true)));
            case 7:
                return ("raw control character", Insert(bytes, InsideString(random, template), [(byte)random.Next(0, 0x20)]));
            case 8:
                var noise = new byte[random.Next(1, 300)];
                random.NextBytes(noise);
                noise[0] = (byte)"x1\"[]}\0\xFF-n"[random.Next(10)]; // never the '{' that starts a request object
                return ("random bytes", noise);
            default:
                return ("unknown member", Encoding.UTF8.GetBytes(template.Insert(1, $"\"x{random.Next(1000)}\":{WrongTypes[random.Next(WrongTypes.Length)]},")));
        }
    }

    /// <summary>A byte offset just inside the opening quote of a random string (member name or value) of the template.</summary>
    private static int InsideString(Random random, string template)
    {
        var quotes = new List<int>();
        var opening = true;
        var bytes = Encoding.UTF8.GetBytes(template);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '"')
            {
                if (opening)
                {
                    quotes.Add(i + 1);
                }
                opening = !opening;
            }
        }
        return quotes[random.Next(quotes.Count)];
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] what) => [.. bytes[..at], .. what, .. bytes[at..]];

    /// <summary>One member of the body, or of its fields, repeated in the same object (same or different value).</summary>
    private static string Twice(Random random, string template)
    {
        using var doc = JsonDocument.Parse(template);
        var inFields = doc.RootElement.TryGetProperty("fields", out var fields) && random.Next(2) == 0;
        var members = (inFields ? fields : doc.RootElement).EnumerateObject().ToList();
        var member = members[random.Next(members.Count)];
        var repeated = $"\"{member.Name}\":{member.Value.GetRawText()},";
        var open = inFields ? template.IndexOf("\"fields\":{", StringComparison.Ordinal) + "\"fields\":{".Length : 1;
        return template.Insert(open, repeated);
    }

    /// <summary>The value of a random member (top level or in fields) replaced by <paramref name="value"/>.</summary>
    private static string ReplaceValue(Random random, string template, string value, bool stringsToo)
    {
        using var doc = JsonDocument.Parse(template);
        var candidates = new List<string>();
        foreach (var m in doc.RootElement.EnumerateObject())
        {
            candidates.Add($"\"{m.Name}\":{m.Value.GetRawText()}");
            if (m.Value.ValueKind == JsonValueKind.Object)
            {
                candidates.AddRange(m.Value.EnumerateObject().Where(f => stringsToo || f.Value.ValueKind == JsonValueKind.Number).Select(f => $"\"{f.Name}\":{f.Value.GetRawText()}"));
            }
        }
        var pick = candidates[random.Next(candidates.Count)];
        var name = pick[..(pick.IndexOf(':', StringComparison.Ordinal) + 1)];
        return template.Replace(pick, name + value, StringComparison.Ordinal);
    }

    /// <summary>A number far out of range where the template has one, else in a new integer field.</summary>
    private static string HugeNumber(Random random, string template)
    {
        var huge = HugeNumbers[random.Next(HugeNumbers.Length)];
        if (template.Contains("\"days\":", StringComparison.Ordinal) || template.Contains("\"parties\":", StringComparison.Ordinal) || template.Contains("\"persons\":", StringComparison.Ordinal))
        {
            return ReplaceValue(random, template, huge, stringsToo: false);
        }
        return template.Contains("\"fields\":{", StringComparison.Ordinal)
            ? template.Replace("\"fields\":{", $"\"fields\":{{\"parties\":{huge},", StringComparison.Ordinal)
            : template.Insert(1, $"\"days\":{huge},");
    }

    private async Task<string> Create(string json)
    {
        var r = await Http.PostAsync("/api/records", ApiStation.Json(json));
        var body = await r.Content.ReadAsStringAsync();
        // The answer in full: a one-time 503 here under a loaded CI run is not yet explained.
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("id").GetString()!;
    }
}
