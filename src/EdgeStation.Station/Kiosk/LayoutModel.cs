namespace EdgeStation.Station.Kiosk;

/// <summary>What every kiosk page's frame shows: title, village, which tab is active, and the ledger anchor.</summary>
public sealed record LayoutModel(string Title, string Nav, UiText Text, string Village, string Anchor);
