using EdgeStation.Sync.Tests.Support;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EdgeStation.Sync.Tests.Contract;

/// <summary>
/// Pins the wire format: each message's sample must encode to the checked-in bytes, and the checked-in bytes
/// must decode to the sample. A renumbered or retyped field fails here. To accept a deliberate change (a new
/// field), run once with EDGESTATION_REGENERATE_GOLDEN=1 and commit the files with the proto.
/// </summary>
public sealed class GoldenBinaryTests
{
    private static readonly string Folder = Path.Combine(SourceFolder.Of(), "Golden");
    private static readonly bool Regenerate = Environment.GetEnvironmentVariable("EDGESTATION_REGENERATE_GOLDEN") == "1";

    public static TheoryData<string> MessageNames()
    {
        var data = new TheoryData<string>();
        foreach (var m in GoldenSamples.All())
        {
            data.Add(m.Descriptor.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Sample_encodes_to_the_golden_bytes(string name)
    {
        var sample = Sample(name);
        var path = Path.Combine(Folder, name + ".bin");
        if (Regenerate)
        {
            File.WriteAllBytes(path, sample.ToByteArray());
        }
        Assert.True(File.Exists(path), $"no golden file for {name}: run with EDGESTATION_REGENERATE_GOLDEN=1 once and commit {path}");
        Assert.Equal(Convert.ToHexString(File.ReadAllBytes(path)), Convert.ToHexString(sample.ToByteArray()));
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Golden_bytes_decode_to_the_sample(string name)
    {
        var sample = Sample(name);
        var decoded = sample.Descriptor.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(Folder, name + ".bin")));
        Assert.Equal(sample, decoded);
    }

    [Fact]
    public void Every_message_of_the_contract_has_a_sample()
    {
        var sampled = GoldenSamples.All().Select(m => m.Descriptor.FullName).ToHashSet();
        var missing = AllMessages(StationSyncReflection.Descriptor).Select(m => m.FullName).Where(n => !sampled.Contains(n)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_golden_file_has_a_sample()
    {
        var sampled = GoldenSamples.All().Select(m => m.Descriptor.Name + ".bin").ToHashSet();
        var stale = Directory.GetFiles(Folder, "*.bin").Select(Path.GetFileName).Where(f => !sampled.Contains(f!)).ToList();
        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_sample_sets_every_field(string name)
    {
        var sample = Sample(name);
        var unset = sample.Descriptor.Fields.InFieldNumberOrder().Where(f => IsDefault(f, f.Accessor.GetValue(sample))).Select(f => f.Name).ToList();
        Assert.Empty(unset);
    }

    private static IMessage Sample(string name) => GoldenSamples.All().Single(m => m.Descriptor.Name == name);

    private static bool IsDefault(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        System.Collections.IList list => list.Count == 0,
        ByteString bytes => bytes.IsEmpty,
        string text => text.Length == 0,
        bool flag => !flag,
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) == 0,
        IMessage => false,
        _ => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0 && field.FieldType != FieldType.Message,
    };

    internal static IEnumerable<MessageDescriptor> AllMessages(FileDescriptor file)
    {
        var pending = new Stack<MessageDescriptor>(file.MessageTypes);
        while (pending.Count > 0)
        {
            var m = pending.Pop();
            yield return m;
            foreach (var nested in m.NestedTypes)
            {
                pending.Push(nested);
            }
        }
    }
}
