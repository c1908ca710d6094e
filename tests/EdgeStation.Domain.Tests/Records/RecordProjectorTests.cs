using EdgeStation.Domain.Records;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Records;

public sealed class RecordProjectorTests
{
    private static readonly DateTimeOffset Received = Cst.At(2026, 3, 2, 9);
    private readonly RecordBuilder _records = new();

    [Fact]
    public void Marks_keep_the_first_time_an_action_happened()
    {
        var petition = _records.Act(_records.Petition(Received), "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });
        _records.Act(petition, "escalate", Cst.At(2026, 3, 20), new() { Level = "county" });

        Assert.Equal(Cst.At(2026, 3, 5), petition.Mark("escalate"));
    }

    [Fact]
    public void Fields_take_the_latest_value()
    {
        var petition = _records.Act(_records.Petition(Received), "escalate", Cst.At(2026, 3, 5), new() { Level = "township" });
        _records.Act(petition, "escalate", Cst.At(2026, 3, 20), new() { Level = "county" });

        Assert.Equal("county", petition.Text(FieldKeys.Level));
    }

    [Fact]
    public void Snapshot_tracks_created_and_last_seq_and_times()
    {
        var petition = _records.Act(_records.Petition(Received), "accept", Cst.At(2026, 3, 5));

        Assert.Equal((1L, 2L, Received, Cst.At(2026, 3, 5)), (petition.CreatedSeq, petition.LastSeq, petition.CreatedAt, petition.UpdatedAt));
    }

    [Fact]
    public void Event_time_is_truncated_to_milliseconds_in_utc()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cst.Offset).AddTicks(12_345);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, 1, TimeSpan.Zero), RecordEvent.Truncate(at));
    }

    [Fact]
    public void Creating_an_existing_record_again_is_refused()
    {
        var petition = _records.Petition(Received);
        var again = new RecordEvent { Type = "petition", RecordId = petition.Id, Action = RecordEvent.Create, Actor = "x", At = Received };

        Assert.Throws<InvalidOperationException>(() => RecordProjector.Apply(petition, again, 9));
    }

    [Fact]
    public void Changing_a_record_that_does_not_exist_is_refused()
    {
        var change = new RecordEvent { Type = "petition", RecordId = "PT-2026-0404", Action = "accept", Actor = "x", At = Received };

        Assert.Throws<InvalidOperationException>(() => RecordProjector.Apply(null, change, 9));
    }

    [Fact]
    public void Unknown_record_type_is_refused()
    {
        var create = new RecordEvent { Type = "complaint", RecordId = "XX-1", Action = RecordEvent.Create, Actor = "x", At = Received };

        Assert.Equal("entry 9 has unknown record type 'complaint'", Assert.Throws<InvalidOperationException>(() => RecordProjector.Apply(null, create, 9)).Message);
    }
}
