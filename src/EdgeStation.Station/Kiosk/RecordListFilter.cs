namespace EdgeStation.Station.Kiosk;

/// <summary>The record list's filters and page, as they appear in the address (?status=&amp;risk=&amp;page=).</summary>
public sealed record RecordListFilter(string? Status, string? Risk, int Page)
{
    /// <summary>The address of another page with the same filters.</summary>
    public string Href(string type, int page)
    {
        var query = new List<string>();
        if (Status is not null)
        {
            query.Add("status=" + Uri.EscapeDataString(Status));
        }
        if (Risk is not null)
        {
            query.Add("risk=" + Uri.EscapeDataString(Risk));
        }
        if (page > 0)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return $"/records/{type}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
