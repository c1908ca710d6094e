using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Records;

/// <summary>The field lists of every record type, built from the station's settings (categories are configurable).</summary>
public sealed class RecordSchemas
{
    private readonly Dictionary<RecordType, RecordSchema> _schemas;

    public RecordSchemas(StationSettings settings)
    {
        _schemas = new()
        {
            [RecordType.Dispute] = Build(RecordType.Dispute, settings,
            [
                new(FieldKeys.Category, "--category", FieldKind.Choice, "dispute category") { Required = true, Choices = settings.DisputeCategories },
                new(FieldKeys.Parties, "--parties", FieldKind.Integer, "number of parties") { Required = true, Min = 1, Max = 10_000 },
                new(FieldKeys.Risk, "--risk", FieldKind.Choice, "risk colour from the assessment") { Choices = RiskColour.All },
                new(FieldKeys.AssignedTo, "--assigned-to", FieldKind.Text, "who handles it (set by 'assign'; a person's name: personal)") { MaxLength = 100, Personal = true },
            ], transitionOnly: [FieldKeys.AssignedTo]),
            [RecordType.Petition] = Build(RecordType.Petition, settings,
            [
                new(FieldKeys.Channel, "--channel", FieldKind.Choice, "how it came in") { Required = true, Choices = ["visit", "letter", "phone", "online"] },
                new(FieldKeys.Persons, "--persons", FieldKind.Integer, "number of petitioners (collective at 5 or more)") { Required = true, Min = 1, Max = 100_000 },
                new(FieldKeys.Matter, "--matter", FieldKind.Choice, "kind of matter (信访事项类别): claim = 申诉求决类 answered by this unit (60 + 30-day rule, 第三十四条), claim-routed = 申诉求决类 sent into another procedure, suggestion = 建议意见类, accusation = 检举控告类 (default: claim)") { Choices = PetitionMatter.All },
                new(FieldKeys.Level, "--level", FieldKind.Choice, "highest level reached") { Choices = PetitionLevel.All },
                new(FieldKeys.RepeatOf, "--repeat-of", FieldKind.RecordRef, "the earlier petition this repeats") { RefType = RecordType.Petition },
                new(FieldKeys.ReceivedAt, "--received-at", FieldKind.Instant, "when it was received (default: reported-at)"),
                new(FieldKeys.ExtensionDays, "--extension-days", FieldKind.Integer, "total days of extension granted (set by 'extend')") { Min = 1, Max = 365 },
                new(FieldKeys.Extensions, "--extensions", FieldKind.Integer, "number of extensions granted (set by 'extend')") { Min = 1, Max = 10 },
                new(FieldKeys.ExtensionReason, "--extension-reason", FieldKind.Text, "why (set by 'extend')") { Personal = true },
                new(FieldKeys.ExtensionApprovedBy, "--extension-approved-by", FieldKind.Text, "the head who approved the extension (set by 'extend'; a person's name: personal)") { MaxLength = 100, Personal = true },
                new(FieldKeys.Satisfaction, "--satisfaction", FieldKind.Choice, "petitioner's satisfaction (set by 'complete'/'rate')") { Choices = ["satisfied", "basically-satisfied", "dissatisfied"] },
            ], transitionOnly: [FieldKeys.ExtensionDays, FieldKeys.Extensions, FieldKeys.ExtensionReason, FieldKeys.ExtensionApprovedBy, FieldKeys.Satisfaction]),
            [RecordType.Case] = Build(RecordType.Case, settings,
            [
                new(FieldKeys.Kind, "--kind", FieldKind.Choice, "criminal or public-security case") { Required = true, Choices = ["criminal", "public-security"] },
                new(FieldKeys.PoliceRef, "--police-ref", FieldKind.Text, "police case reference") { MaxLength = 100 },
            ]),
            [RecordType.Lawsuit] = Build(RecordType.Lawsuit, settings,
            [
                new(FieldKeys.Kind, "--kind", FieldKind.Choice, "kind of suit") { Choices = ["civil", "administrative"] },
                new(FieldKeys.CourtRef, "--court-ref", FieldKind.Text, "court case number") { MaxLength = 100 },
            ]),
            [RecordType.Cult] = Build(RecordType.Cult, settings,
            [
                new(FieldKeys.Persons, "--persons", FieldKind.Integer, "number of persons involved") { Min = 1, Max = 100_000 },
            ]),
            [RecordType.GridEvent] = Build(RecordType.GridEvent, settings,
            [
                new(FieldKeys.Category, "--category", FieldKind.Choice, "grid event category") { Required = true, Choices = settings.GridEventCategories },
            ]),
        };
    }

    public RecordSchema this[RecordType type] => _schemas[type];

    private static RecordSchema Build(RecordType type, StationSettings settings, FieldSpec[] own, string[]? transitionOnly = null)
    {
        FieldSpec[] common =
        [
            new(FieldKeys.Grid, "--grid", FieldKind.Text, $"grid (网格) it belongs to (default: {settings.DefaultGrid})") { MaxLength = 64 },
            new(FieldKeys.Location, "--location", FieldKind.Text, "where (can point to a home: personal)") { MaxLength = 200, Personal = true },
            new(FieldKeys.OccurredAt, "--occurred-at", FieldKind.Instant, "when it happened, local YYYY-MM-DD[THH:mm] (default: reported-at)"),
            new(FieldKeys.ReportedAt, "--reported-at", FieldKind.Instant, "when it was reported, local YYYY-MM-DD[THH:mm] (default: now)"),
            new(FieldKeys.Summary, "--summary", FieldKind.Text, "what happened (free text: personal, kept on the box)") { Personal = true },
            new(FieldKeys.PartyNames, "--party-names", FieldKind.Text, "names of the people involved (personal)") { Personal = true, MaxLength = 500 },
            new(FieldKeys.Phone, "--phone", FieldKind.Text, "contact phone (personal)") { Personal = true, MaxLength = 20, Check = PersonalDataChecks.CheckPhone },
            new(FieldKeys.IdNumber, "--id-number", FieldKind.Text, "resident ID number (personal)") { Personal = true, MaxLength = 18, Check = PersonalDataChecks.CheckIdNumber },
        ];
        return new RecordSchema(type, [.. own, .. common])
        {
            TransitionOnly = new HashSet<string>(transitionOnly ?? [], StringComparer.Ordinal),
        };
    }
}
