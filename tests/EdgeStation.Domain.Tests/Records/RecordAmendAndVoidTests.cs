using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Records;

public sealed class RecordAmendAndVoidTests
{
    private static readonly DateTimeOffset Reported = Cst.At(2026, 3, 10, 9);
    private static readonly DateTimeOffset Later = Cst.At(2026, 3, 12, 9);
    private readonly RecordBuilder _records = new();

    private RecordSnapshot Dispute() =>
        _records.Create(RecordType.Dispute, Reported, (FieldKeys.Category, "neighbours"), (FieldKeys.Parties, "2"), (FieldKeys.OccurredAt, "2026-03-08"));

    [Fact]
    public void Amendment_changes_the_field_and_counts_the_amendment()
    {
        var dispute = _records.Amend(Dispute(), Later, "miscounted", (FieldKeys.Parties, "3"));

        Assert.Equal((3L, 1), (dispute.Number(FieldKeys.Parties), dispute.Amendments));
    }

    [Fact]
    public void Amendment_entry_holds_only_the_changed_fields()
    {
        _records.Amend(Dispute(), Later, "miscounted", (FieldKeys.Parties, "3"), (FieldKeys.Category, "neighbours"));

        Assert.Equal([FieldKeys.Parties], _records.LastEvent!.Fields.Keys);
    }

    [Fact]
    public void Amendment_keeps_the_reason_in_the_ledger_entry()
    {
        _records.Amend(Dispute(), Later, "  miscounted  ", (FieldKeys.Parties, "3"));

        Assert.Equal("miscounted", _records.LastEvent!.Note);
    }

    [Fact]
    public void Amendment_without_a_reason_is_rejected()
    {
        var dispute = Dispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, null, (FieldKeys.Parties, "3")));
        Assert.Equal("an amendment needs --reason (it is kept in the ledger)", ex.Message);
    }

    [Fact]
    public void Amendment_with_a_blank_reason_is_rejected()
    {
        var dispute = Dispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "   ", (FieldKeys.Parties, "3")));
    }

    [Fact]
    public void Amendment_that_changes_nothing_is_rejected()
    {
        var dispute = Dispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "check", (FieldKeys.Parties, "2")));
        Assert.Equal($"nothing to amend: give at least one field that differs from {dispute.Id}'s current value", ex.Message);
    }

    [Fact]
    public void Amendment_giving_the_same_date_in_another_spelling_changes_nothing()
    {
        var dispute = Dispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "check", (FieldKeys.OccurredAt, "2026-03-08T00:00")));
    }

    [Fact]
    public void Amendment_with_no_fields_is_rejected()
    {
        var dispute = Dispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "check"));
    }

    [Fact]
    public void Amendment_of_an_unknown_field_is_rejected()
    {
        var dispute = Dispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "fix", ("status", "resolved")));
        Assert.StartsWith("a dispute has no field 'status';", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amendment_moving_occurrence_after_the_report_is_rejected()
    {
        var dispute = Dispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "fix", (FieldKeys.OccurredAt, "2026-03-11")));
        Assert.Equal("--occurred-at is after --reported-at; something is reported after it happens", ex.Message);
    }

    [Fact]
    public void Amendment_with_a_bad_id_number_is_rejected()
    {
        var dispute = Dispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, "add id", (FieldKeys.IdNumber, "11010519491231003X")));
    }

    [Fact]
    public void Rejected_amendment_changes_nothing()
    {
        var dispute = Dispute();
        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Later, null, (FieldKeys.Parties, "3")));

        Assert.Equal((2L, 0), (dispute.Number(FieldKeys.Parties), dispute.Amendments));
    }

    [Fact]
    public void Void_without_a_reason_is_rejected()
    {
        var dispute = Dispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Void(dispute, Later, reason: null));
        Assert.Equal("voiding needs --reason (it is kept in the ledger)", ex.Message);
    }

    [Fact]
    public void Void_with_a_blank_reason_is_rejected()
    {
        var dispute = Dispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Void(dispute, Later, reason: " "));
    }

    [Fact]
    public void Void_marks_the_record_voided_with_its_reason()
    {
        var dispute = _records.Void(Dispute(), Later, "entered in the wrong village");

        Assert.Equal((true, "entered in the wrong village"), (dispute.Voided, dispute.VoidReason));
    }

    [Fact]
    public void Void_entry_points_at_the_entry_that_created_the_record()
    {
        var first = Dispute();
        var second = Dispute();
        _records.Void(second, Later, "duplicate of " + first.Id);

        Assert.Equal(2L, _records.LastEvent!.RefSeq);
    }
}
