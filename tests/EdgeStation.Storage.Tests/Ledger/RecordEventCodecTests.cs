using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

public class RecordEventCodecTests
{
    [Fact]
    public void Encoding_is_sorted_compact_and_escapes_like_JCS()
    {
        var e = new RecordEvent
        {
            Type = "dispute",
            RecordId = "DS-2026-0001",
            Action = "create",
            Actor = "cli:wang",
            At = new DateTimeOffset(2026, 3, 10, 2, 0, 0, 123, TimeSpan.Zero),
            Fields = new(StringComparer.Ordinal)
            {
                ["summary"] = FieldValue.Of("张某\t\"李某\"\\\u0001"),
                ["parties"] = FieldValue.Of(2),
            },
            RefSeq = 7,
        };

        var json = RecordEventCodec.Encode(e);

        Assert.Equal(
            "{\"action\":\"create\",\"actor\":\"cli:wang\",\"at\":\"2026-03-10T02:00:00.123Z\",\"fields\":{\"parties\":2,\"summary\":\"张某\\t\\\"李某\\\"\\\\\\u0001\"},\"recordId\":\"DS-2026-0001\",\"refSeq\":7,\"type\":\"dispute\"}",
            json);
    }

    [Fact]
    public void Decode_then_encode_gives_the_same_text()
    {
        var original = RecordEventCodec.Encode(Events.Dispute("DS-2026-0009", 3, "第一行\n第二行 \"引号\""));

        Assert.Equal(original, RecordEventCodec.Encode(RecordEventCodec.Decode(original)));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"action\":\"create\"}")]
    [InlineData("{\"action\":\"create\",\"actor\":\"a\",\"at\":\"yesterday\",\"fields\":{},\"recordId\":\"x\",\"type\":\"dispute\"}")]
    public void Malformed_content_is_a_format_error(string content)
    {
        Assert.Throws<FormatException>(() => RecordEventCodec.Decode(content));
    }

    [Theory]
    [InlineData("9007199254740992")]
    [InlineData("-9007199254740992")]
    [InlineData("9223372036854775807")]
    [InlineData("2.5")]
    public void Regression_the_CSharp_verifier_took_integers_the_documented_check_refuses(string number)
    {
        var content = "{\"action\":\"create\",\"actor\":\"a\",\"at\":\"2026-03-10T02:00:00.000Z\",\"fields\":{\"parties\":" + number + "},\"recordId\":\"DS-2026-0001\",\"type\":\"dispute\"}";
        var entry = LedgerHasher.Seal(1, "DS-2026-0001", content, LedgerHasher.GenesisHash);

        var result = LedgerVerifier.Verify([entry]);

        Assert.False(result.Ok);
        Assert.Contains("2^53", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_safe_integer_is_kept_and_one_more_is_never_written()
    {
        var e = Events.Dispute("DS-2026-0001") with { RefSeq = CanonicalJson.MaxSafeInteger };
        Assert.Equal(CanonicalJson.MaxSafeInteger, RecordEventCodec.Decode(RecordEventCodec.Encode(e)).RefSeq);
        Assert.Throws<ArgumentOutOfRangeException>(() => RecordEventCodec.Encode(e with { RefSeq = CanonicalJson.MaxSafeInteger + 1 }));
    }
}
