using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Records;

/// <summary>Notes, reasons and actors take the rules of text fields (issue 14, section 5), for every front end.</summary>
public sealed class FreeTextTests
{
    private static readonly DateTimeOffset Reported = Cst.At(2026, 3, 10, 9);
    private static readonly DateTimeOffset Later = Cst.At(2026, 3, 12, 9);
    private readonly RecordBuilder _records = new();

    [Fact]
    public void Regression_EscapeSequenceInActorHidTheRealActor()
    {
        var ex = Assert.Throws<RecordInputException>(() =>
            _records.Commands.Create(RecordType.Dispute, "DS-2026-0001", Fields(), "\u001b[2K\rcli:wang", Reported, _ => null));

        Assert.Contains("control characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_BidiOverrideInActorReorderedWhatATerminalShows()
    {
        var dispute = _records.Dispute(Reported);

        Assert.Throws<RecordInputException>(() =>
            _records.Commands.Transition(dispute, "assess", new TransitionInput { Risk = "red" }, "cli:\u202Egnaw", Later));
    }

    [Fact]
    public void Regression_NoteHadNoLengthCap()
    {
        var dispute = _records.Dispute(Reported);

        var ex = Assert.Throws<RecordInputException>(() =>
            _records.Act(dispute, "assess", Later, new TransitionInput { Risk = "red", Note = new string('记', FreeText.NoteMaxLength + 1) }));

        Assert.Contains("--note is 2001 characters long; the limit is 2000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entered twice\u001b[31m")]
    [InlineData("entered\u0000twice")]
    public void Regression_ControlCharactersInVoidReasonWereStored(string reason)
    {
        var dispute = _records.Dispute(Reported);

        Assert.Throws<RecordInputException>(() => _records.Void(dispute, Later, reason));
    }

    [Fact]
    public void A_lone_surrogate_in_a_reason_is_not_text()
    {
        var dispute = _records.Dispute(Reported);
        var reason = "entered " + '\uD800' + "twice"; // built in code: an attribute cannot carry a lone surrogate

        Assert.Throws<RecordInputException>(() => _records.Void(dispute, Later, reason));
    }

    [Fact]
    public void Regression_ControlCharactersInAmendReasonWereStored()
    {
        var dispute = _records.Dispute(Reported);

        Assert.Throws<RecordInputException>(() => _records.Amend(dispute, Later, "miscounted\u0007", (FieldKeys.Parties, "3")));
    }

    [Fact]
    public void A_note_keeps_its_line_breaks_and_tabs()
    {
        var dispute = _records.Dispute(Reported);

        _records.Act(dispute, "assess", Later, new TransitionInput { Risk = "red", Note = "第一行\n\t第二行" });

        Assert.Equal("第一行\n\t第二行", _records.LastEvent!.Note);
    }

    private static Dictionary<string, string> Fields() => new(StringComparer.Ordinal)
    {
        [FieldKeys.Category] = "neighbours",
        [FieldKeys.Parties] = "2",
    };
}
