namespace EdgeStation.Station.Kiosk;

public sealed record LoginPage(LayoutModel Layout, string Next);
