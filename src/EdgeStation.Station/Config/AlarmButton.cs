using EdgeStation.Access.Alarms;

namespace EdgeStation.Station.Config;

/// <summary>A one-button alarm input and the door it sits by (0: none).</summary>
public sealed record AlarmButton(AlarmInputSettings Input, int Door);
