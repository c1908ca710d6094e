using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Workflows;

public sealed class VoidedRecordTests
{
    private static readonly DateTimeOffset Reported = Cst.At(2026, 3, 2, 9);
    private readonly RecordBuilder _records = new();

    private RecordSnapshot VoidedDispute() =>
        _records.Void(_records.Dispute(Reported, risk: "red"), Reported.AddHours(1), "entered twice");

    [Fact]
    public void Voided_dispute_cannot_take_a_workflow_action()
    {
        var dispute = VoidedDispute();

        var ex = Assert.ThrowsAny<RecordInputException>(() => _records.Act(dispute, "assess", Reported.AddHours(2)));
        Assert.Equal($"{dispute.Id} was voided (entered twice); it cannot change any more", ex.Message);
    }

    [Fact]
    public void Voided_petition_cannot_be_accepted()
    {
        var petition = _records.Void(_records.Petition(Reported), Reported.AddHours(1));

        Assert.ThrowsAny<RecordInputException>(() => _records.Act(petition, "accept", Reported.AddHours(2)));
    }

    [Fact]
    public void Voided_record_cannot_be_amended()
    {
        var dispute = VoidedDispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Amend(dispute, Reported.AddHours(2), "typo", (FieldKeys.Parties, "3")));
    }

    [Fact]
    public void Voided_record_cannot_be_voided_again()
    {
        var dispute = VoidedDispute();

        Assert.ThrowsAny<RecordInputException>(() => _records.Void(dispute, Reported.AddHours(2), "again"));
    }

    [Fact]
    public void Voided_record_keeps_its_status()
    {
        var dispute = VoidedDispute();
        Assert.ThrowsAny<RecordInputException>(() => _records.Act(dispute, "assess", Reported.AddHours(2)));

        Assert.Equal("reported", dispute.Status);
    }
}
