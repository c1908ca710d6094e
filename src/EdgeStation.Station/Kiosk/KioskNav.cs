namespace EdgeStation.Station.Kiosk;

/// <summary>The kiosk's tabs: string key and address.</summary>
public static class KioskNav
{
    public static readonly (string Key, string Href)[] Items =
    [
        ("nav.home", "/"),
        ("nav.disputes", "/records/dispute"),
        ("nav.petitions", "/records/petition"),
        ("nav.gridEvents", "/records/grid-event"),
        ("nav.cases", "/records/case"),
        ("nav.lawsuits", "/records/lawsuit"),
        ("nav.cults", "/records/cult"),
        ("nav.indicators", "/indicators"),
        ("nav.doors", "/doors"),
        ("nav.cameras", "/cameras"),
    ];

    public static string ForType(string type) => type switch
    {
        "dispute" => "nav.disputes",
        "petition" => "nav.petitions",
        "grid-event" => "nav.gridEvents",
        "case" => "nav.cases",
        "lawsuit" => "nav.lawsuits",
        _ => "nav.cults",
    };
}
