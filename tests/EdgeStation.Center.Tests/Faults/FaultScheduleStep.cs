using EdgeStation.Center.Tests.Support;

namespace EdgeStation.Center.Tests.Faults;

/// <summary>
/// One connection's fate in a random fault schedule (<see cref="ExactlyOnceProperty"/>): the fault, and whether the
/// station restarts when it strikes (a held connection whose bytes reach the center after the station came back).
/// </summary>
public sealed record FaultScheduleStep(FaultKind Kind, FlowDirection Direction, int AfterBytes, bool RestartStation)
{
    public ConnectionFault Fault() => Kind switch
    {
        FaultKind.Refuse => ConnectionFault.Refuse(),
        FaultKind.Reset => ConnectionFault.Reset(Direction, AfterBytes),
        FaultKind.Truncate => ConnectionFault.Truncate(Direction, AfterBytes),
        FaultKind.Delay => ConnectionFault.Delay(Direction, AfterBytes),
        FaultKind.Drop => ConnectionFault.Drop(Direction, AfterBytes),
        _ => ConnectionFault.Pass(),
    };

    public override string ToString() => $"{Kind}({Direction}, {AfterBytes}{(RestartStation ? ", restart" : "")})";
}
