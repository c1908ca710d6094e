namespace EdgeStation.Center.Tests.Support;

/// <summary>Which way bytes flow through the <see cref="FaultProxy"/>.</summary>
public enum FlowDirection
{
    /// <summary>Station to center: envelopes.</summary>
    Upstream,

    /// <summary>Center to station: acks.</summary>
    Downstream,
}
