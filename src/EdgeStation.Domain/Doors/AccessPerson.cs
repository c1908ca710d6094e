namespace EdgeStation.Domain.Doors;

/// <summary>
/// Someone who may be let in: name, validity (local dates, inclusive), access levels, and whether their grant starts
/// first-person-in (首卡开门) on doors that use it. PINs are kept apart (hashed, never in the ledger).
/// </summary>
public sealed record AccessPerson(string Id, string Name)
{
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public IReadOnlyList<int> Levels { get; init; } = [];
    public bool FirstIn { get; init; }

    public bool IsValidOn(DateOnly day) =>
        (ValidFrom is not { } from || day >= from) && (ValidUntil is not { } until || day <= until);
}
