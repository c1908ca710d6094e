using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

/// <summary>One record field as a form control (new-record and amend forms share it); <see cref="Value"/> pre-fills it.</summary>
public sealed record FieldInput(FieldSpec Spec, UiText Text, string IdPrefix, string? Value = null);
