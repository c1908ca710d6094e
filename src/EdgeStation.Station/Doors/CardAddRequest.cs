namespace EdgeStation.Station.Doors;

/// <summary>POST /api/access/cards (`card add`): the person's id and the card (FACILITY:NUMBER or a 13.56 MHz UID).</summary>
public sealed class CardAddRequest
{
    public string? Person { get; set; }
    public string? Card { get; set; }
}
