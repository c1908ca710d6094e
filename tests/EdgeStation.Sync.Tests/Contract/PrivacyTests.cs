using EdgeStation.Sync.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EdgeStation.Sync.Tests.Contract;

/// <summary>Nothing personal leaves the box: the contract has no place for a name, a number, free text or an image.</summary>
public sealed class PrivacyTests
{
    /// <summary>Every text or bytes field the contract may have, and why it is not personal.</summary>
    private static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "edgestation.sync.v1.Envelope.station_id",          // the station's id, its certificate's name
        "edgestation.sync.v1.Envelope.payload",             // one of the messages below, checked here too
        "edgestation.sync.v1.Ack.station_id",
        "edgestation.sync.v1.Health.version",               // the software version
        "edgestation.sync.v1.LedgerAnchor.hash",            // SHA-256 digests of the ledger
        "edgestation.sync.v1.MonthlyReportAnchor.hash",
        "edgestation.sync.v1.LedgerDigest.content_digest",
        "edgestation.sync.v1.LedgerDigest.hash",
        "edgestation.sync.v1.ConfigAck.config_digest",      // SHA-256 of a configuration
    };

    [Fact]
    public void The_contract_has_no_text_or_bytes_field_off_the_allow_list()
    {
        Assert.Empty(PersonalFieldScan.Findings(StationSyncReflection.Descriptor, Allowed));
    }

    [Fact]
    public void Every_allow_list_entry_names_a_field_that_exists()
    {
        var fields = GoldenBinaryTests.AllMessages(StationSyncReflection.Descriptor)
            .SelectMany(m => m.Fields.InFieldNumberOrder().Select(f => $"{m.FullName}.{f.Name}"))
            .ToHashSet();
        Assert.All(Allowed, a => Assert.Contains(a, fields));
    }

    [Fact]
    public void Scan_finds_a_name_field_in_a_nested_message()
    {
        var findings = PersonalFieldScan.Findings(Contract(new FieldDescriptorProto
        {
            Name = "resident_name",
            Number = 1,
            Type = FieldDescriptorProto.Types.Type.String,
            Label = FieldDescriptorProto.Types.Label.Optional,
        }), Allowed);

        Assert.Equal(["test.Inner.resident_name: a string field not on the allow-list"], findings);
    }

    [Fact]
    public void Scan_finds_a_message_from_outside_the_contract()
    {
        var findings = PersonalFieldScan.Findings(Contract(new FieldDescriptorProto
        {
            Name = "extra",
            Number = 1,
            Type = FieldDescriptorProto.Types.Type.Message,
            TypeName = ".edgestation.sync.v1.Health",
            Label = FieldDescriptorProto.Types.Label.Optional,
        }), Allowed);

        Assert.Contains(findings, f => f.StartsWith("edgestation.sync.v1.Health: a message from outside the contract", StringComparison.Ordinal));
    }

    /// <summary>A small contract, Outer { Inner inner = 1; } with <paramref name="innerField"/> in Inner, depending on ours.</summary>
    private static FileDescriptor Contract(FieldDescriptorProto innerField)
    {
        var proto = new FileDescriptorProto
        {
            Name = "test.proto",
            Package = "test",
            Syntax = "proto3",
            Dependency = { StationSyncReflection.Descriptor.Name },
            MessageType =
            {
                new DescriptorProto
                {
                    Name = "Outer",
                    Field = { new FieldDescriptorProto { Name = "inner", Number = 1, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".test.Inner", Label = FieldDescriptorProto.Types.Label.Optional } },
                },
                new DescriptorProto { Name = "Inner", Field = { innerField } },
            },
        };
        var ours = StationSyncReflection.Descriptor.SerializedData;
        return FileDescriptor.BuildFromByteStrings([ours, proto.ToByteString()])[1];
    }
}
