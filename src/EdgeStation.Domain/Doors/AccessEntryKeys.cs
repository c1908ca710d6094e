namespace EdgeStation.Domain.Doors;

/// <summary>Actions and field names of ledger entries of type <c>access</c> (who gave whom which right, never a secret).</summary>
public static class AccessEntryKeys
{
    public const string PersonAdd = "person-add";
    public const string PersonLevels = "person-levels";
    public const string PersonRemove = "person-remove";
    public const string CardAdd = "card-add";
    public const string CardRemove = "card-remove";
    /// <summary>A PIN (or duress PIN) was set or cleared: the entry says for whom, never the PIN or its hash.</summary>
    public const string PinSet = "pin-set";
    public const string PinClear = "pin-clear";
    public const string ScheduleSet = "schedule-set";
    public const string ScheduleRemove = "schedule-remove";
    public const string LevelSet = "level-set";
    public const string LevelRemove = "level-remove";

    public const string Name = "name";
    public const string From = "from";
    public const string Until = "until";
    public const string FirstIn = "first-in";
    public const string Levels = "levels";
    public const string Person = "person";
    public const string Card = "card";
    public const string Duress = "duress";
    public const string Id = "id";
    public const string Week = "week";
    public const string Doors = "doors";
}
