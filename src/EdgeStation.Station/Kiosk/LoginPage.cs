namespace EdgeStation.Station.Kiosk;

public sealed record LoginPage(LayoutModel Layout, string Next)
{
    /// <summary>The kiosk logged the last person out after no activity: say so, so nobody wonders.</summary>
    public bool AfterIdle { get; init; }
}
