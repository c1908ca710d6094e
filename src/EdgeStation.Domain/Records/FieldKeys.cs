namespace EdgeStation.Domain.Records;

/// <summary>Ledger keys of the fields the workflows and indicators read.</summary>
public static class FieldKeys
{
    public const string Status = "status";
    public const string Grid = "grid";
    public const string Location = "location";
    public const string OccurredAt = "occurredAt";
    public const string ReportedAt = "reportedAt";
    public const string Summary = "summary";
    public const string PartyNames = "partyNames";
    public const string Phone = "phone";
    public const string IdNumber = "idNumber";
    public const string Category = "category";
    public const string Parties = "parties";
    public const string Risk = "risk";
    public const string AssignedTo = "assignedTo";
    public const string Channel = "channel";
    public const string Persons = "persons";
    public const string Level = "level";
    public const string RepeatOf = "repeatOf";
    public const string ReceivedAt = "receivedAt";
    /// <summary>When a workflow step happened, if it was recorded later (UTC, like the other instants); the entry's own "at" stays the recording time.</summary>
    public const string EffectiveAt = "effectiveAt";
    public const string ExtensionDays = "extensionDays";
    public const string ExtensionReason = "extensionReason";
    /// <summary>Who approved an extension (the unit's head, 信访工作条例 第三十四条).</summary>
    public const string ExtensionApprovedBy = "extensionApprovedBy";
    /// <summary>信访事项类别: which deadlines a petition has (Deadlines/PetitionMatter).</summary>
    public const string Matter = "matter";
    public const string Extensions = "extensions";
    public const string Satisfaction = "satisfaction";
    public const string Kind = "kind";
    public const string PoliceRef = "policeRef";
    public const string CourtRef = "courtRef";
    public const string Village = "village";
    public const string StartDate = "startDate";
}
