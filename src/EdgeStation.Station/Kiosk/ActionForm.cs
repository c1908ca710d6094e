using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Station.Kiosk;

/// <summary>What each workflow action asks for on the kiosk (the domain checks it again on submit).</summary>
public static class ActionForm
{
    private static readonly string[] Satisfaction = ["satisfied", "basically-satisfied", "dissatisfied"];

    /// <summary>The action's own inputs, then when it happened (empty: now) for steps recorded after the fact.</summary>
    public static IReadOnlyList<ActionInput> Inputs(RecordType type, string action) => [.. Own(type, action), new("at", "form.at", false)];

    private static IReadOnlyList<ActionInput> Own(RecordType type, string action) => (type, action) switch
    {
        (RecordType.Dispute, "assess") => [new("risk", "field.risk", true, "risk", RiskColour.All)],
        (RecordType.Dispute, "assign") => [new("to", "form.to", true), Note()],
        (_, "close-unresolved" or "decline") => [Note(required: true)],
        (RecordType.Petition, "extend") => [new("days", "form.days", true), new("reason", "form.reason", true), new("approvedBy", "form.approvedBy", true)],
        (RecordType.Petition, "complete") => [new("satisfaction", "field.satisfaction", false, "satisfaction", Satisfaction), Note()],
        (RecordType.Petition, "rate") => [new("satisfaction", "field.satisfaction", true, "satisfaction", Satisfaction)],
        (RecordType.Petition, "escalate") => [new("level", "field.level", true, "level", PetitionLevel.All.Skip(1).ToList()), Note()],
        _ => [Note()],
    };

    private static ActionInput Note(bool required = false) => new("note", "form.note", required);
}
