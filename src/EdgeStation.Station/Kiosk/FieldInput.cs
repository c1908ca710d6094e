using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

/// <summary>One record field as a form control (new-record and amend forms share it); <see cref="Value"/> pre-fills it.</summary>
public sealed record FieldInput(FieldSpec Spec, UiText Text, string IdPrefix, string? Value = null)
{
    /// <summary>The station's named grids: the grid field is then a choice among them, shown by name.</summary>
    public IReadOnlyDictionary<string, string> GridNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
