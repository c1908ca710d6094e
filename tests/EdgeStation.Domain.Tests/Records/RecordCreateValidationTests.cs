using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Records;

public sealed class RecordCreateValidationTests
{
    private static readonly DateTimeOffset Now = Cst.At(2026, 3, 15, 10);
    private readonly RecordBuilder _records = new();

    private RecordInputException Rejected(RecordType type, params (string, string)[] fields) =>
        Assert.ThrowsAny<RecordInputException>(() => _records.Create(type, Now, fields));

    private RecordInputException DisputeRejected(params (string, string)[] extra) =>
        Rejected(RecordType.Dispute, [(FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "2"), .. extra]);

    private RecordSnapshot Dispute(params (string, string)[] extra) =>
        _records.Create(RecordType.Dispute, Now, [(FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "2"), .. extra]);

    [Fact]
    public void Created_dispute_defaults_grid_and_times_to_the_settings_and_now()
    {
        var dispute = Dispute();

        Assert.Equal(("grid-1", "2026-03-15T02:00:00Z", "2026-03-15T02:00:00Z"),
            (dispute.Text(FieldKeys.Grid), dispute.Text(FieldKeys.ReportedAt), dispute.Text(FieldKeys.OccurredAt)));
    }

    [Fact]
    public void Local_date_input_is_stored_as_utc_of_local_midnight()
    {
        Assert.Equal("2026-03-09T16:00:00Z", Dispute((FieldKeys.OccurredAt, "2026-03-10")).Text(FieldKeys.OccurredAt));
    }

    [Fact]
    public void Unknown_field_is_rejected_listing_the_fields()
    {
        Assert.Equal("a dispute has no field 'colour'; fields: --category, --parties, --risk, --grid, --location, --occurred-at, --reported-at, --summary, --party-names, --phone, --id-number",
            DisputeRejected(("colour", "red")).Message);
    }

    [Fact]
    public void Field_set_only_by_a_workflow_action_is_rejected_on_create()
    {
        Assert.StartsWith("a dispute has no field 'assignedTo';", DisputeRejected((FieldKeys.AssignedTo, "王")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Petition_satisfaction_cannot_be_given_on_create()
    {
        var ex = Rejected(RecordType.Petition, (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.Satisfaction, "satisfied"));

        Assert.StartsWith("a petition has no field 'satisfaction';", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_number_is_named()
    {
        Assert.Equal("a dispute needs --parties", Rejected(RecordType.Dispute, (FieldKeys.Category, "neighbours")).Message);
    }

    [Fact]
    public void Missing_required_choice_is_named_with_its_choices()
    {
        Assert.Equal("a case needs --kind (one of criminal, public-security)", Rejected(RecordType.Case).Message);
    }

    [Fact]
    public void Lawsuit_needs_nothing_and_defaults_to_civil()
    {
        Assert.Equal(("filed", "civil"), (_records.Lawsuit(Now).Status, _records.Find("LS-2026-0001")!.Text(FieldKeys.Kind)));
    }

    [Fact]
    public void Wrong_colour_lists_the_colours()
    {
        Assert.Equal("--risk must be one of red, yellow, green (got 'orange')", DisputeRejected((FieldKeys.Risk, "orange")).Message);
    }

    [Fact]
    public void Unknown_category_is_rejected()
    {
        var ex = Rejected(RecordType.Dispute, (FieldKeys.Category, "feud"), (FieldKeys.Parties, "2"));

        Assert.StartsWith("--category must be one of marriage-family, neighbours,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_in_words_is_rejected()
    {
        var ex = Rejected(RecordType.Dispute, (FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "two"));

        Assert.Equal("--parties must be a whole number (got 'two')", ex.Message);
    }

    [Fact]
    public void Decimal_number_is_rejected()
    {
        var ex = Rejected(RecordType.Dispute, (FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "2.5"));

        Assert.Equal("--parties must be a whole number (got '2.5')", ex.Message);
    }

    [Fact]
    public void Number_below_the_minimum_is_rejected_with_the_range()
    {
        var ex = Rejected(RecordType.Dispute, (FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "0"));

        Assert.Equal("--parties must be between 1 and 10000 (got 0)", ex.Message);
    }

    [Fact]
    public void Empty_value_is_rejected()
    {
        Assert.Equal("--location is empty; give a value or leave the option out", DisputeRejected((FieldKeys.Location, "   ")).Message);
    }

    [Fact]
    public void Impossible_date_is_rejected_with_an_example()
    {
        Assert.Equal("--occurred-at must be a date like 2026-03-15 or 2026-03-15T09:30 (got '2026-02-30')",
            DisputeRejected((FieldKeys.OccurredAt, "2026-02-30")).Message);
    }

    [Fact]
    public void Day_first_date_is_rejected()
    {
        Assert.ThrowsAny<RecordInputException>(() => Dispute((FieldKeys.OccurredAt, "15/03/2026")));
    }

    [Fact]
    public void Reported_tomorrow_is_in_the_future()
    {
        Assert.Equal("--reported-at 2026-03-16 is in the future", DisputeRejected((FieldKeys.ReportedAt, "2026-03-16")).Message);
    }

    [Fact]
    public void Reported_five_minutes_ahead_is_within_clock_skew()
    {
        Assert.Equal("2026-03-15T02:05:00Z", Dispute((FieldKeys.ReportedAt, "2026-03-15T10:05")).Text(FieldKeys.ReportedAt));
    }

    [Fact]
    public void Reported_eleven_minutes_ahead_is_in_the_future()
    {
        Assert.ThrowsAny<RecordInputException>(() => Dispute((FieldKeys.ReportedAt, "2026-03-15T10:11")));
    }

    [Fact]
    public void Occurred_in_the_future_is_rejected()
    {
        Assert.Equal("--occurred-at 2026-04-01 is in the future", DisputeRejected((FieldKeys.OccurredAt, "2026-04-01")).Message);
    }

    [Fact]
    public void Petition_received_in_the_future_is_rejected()
    {
        var ex = Rejected(RecordType.Petition, (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.ReceivedAt, "2026-03-20"));

        Assert.Equal("--received-at 2026-03-20 is in the future", ex.Message);
    }

    [Fact]
    public void Occurred_after_reported_is_rejected()
    {
        Assert.Equal("--occurred-at is after --reported-at; something is reported after it happens",
            DisputeRejected((FieldKeys.OccurredAt, "2026-03-14T12:00"), (FieldKeys.ReportedAt, "2026-03-14T09:00")).Message);
    }

    [Fact]
    public void Occurred_after_the_default_reported_now_is_rejected_as_future()
    {
        Assert.ThrowsAny<RecordInputException>(() => Dispute((FieldKeys.OccurredAt, "2026-03-15T11:00")));
    }

    [Fact]
    public void Repeat_of_a_missing_petition_is_rejected()
    {
        var ex = Rejected(RecordType.Petition, (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.RepeatOf, "PT-2026-0099"));

        Assert.Equal("--repeat-of PT-2026-0099: no petition with that id", ex.Message);
    }

    [Fact]
    public void Repeat_of_a_dispute_is_rejected()
    {
        var dispute = Dispute();

        var ex = Rejected(RecordType.Petition, (FieldKeys.Channel, "visit"), (FieldKeys.Persons, "1"), (FieldKeys.RepeatOf, dispute.Id));

        Assert.Equal($"--repeat-of {dispute.Id}: no petition with that id", ex.Message);
    }

    [Fact]
    public void Repeat_of_an_existing_petition_is_kept()
    {
        var first = _records.Petition(Cst.At(2026, 3, 1));

        Assert.Equal(first.Id, _records.Petition(Now, repeatOf: first.Id).Text(FieldKeys.RepeatOf));
    }

    [Fact]
    public void Valid_id_number_is_kept()
    {
        Assert.Equal("11010519491231002X", Dispute((FieldKeys.IdNumber, "11010519491231002X")).Text(FieldKeys.IdNumber));
    }

    [Fact]
    public void Id_number_with_a_one_digit_typo_is_rejected()
    {
        Assert.Equal("--id-number: the ID number's check digit does not match (typo?) (got '11010519491231003X')",
            DisputeRejected((FieldKeys.IdNumber, "11010519491231003X")).Message);
    }

    [Fact]
    public void Phone_with_letters_is_rejected()
    {
        Assert.Equal("--phone: a phone number has only digits, spaces, '-' and a leading '+' (got '138OO138000')",
            DisputeRejected((FieldKeys.Phone, "138OO138000")).Message);
    }

    [Fact]
    public void Text_with_control_characters_is_rejected()
    {
        Assert.Equal("--summary contains control characters", DisputeRejected((FieldKeys.Summary, "fence\u0007moved")).Message);
    }

    [Fact]
    public void Text_longer_than_its_limit_is_rejected()
    {
        Assert.Equal("--grid is 65 characters long; the limit is 64", DisputeRejected((FieldKeys.Grid, new string('g', 65))).Message);
    }

    [Fact]
    public void Rejected_create_appends_nothing()
    {
        DisputeRejected((FieldKeys.Risk, "orange"));

        Assert.Empty(_records.All);
    }
}
