using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>打印月报 as Chromium prints it to PDF: one A4 sheet, the signature lines on it (issue 14, section 6).</summary>
public sealed partial class MonthlyReportPrintTests : IClassFixture<KioskStation>
{
    private readonly KioskStation _station;

    public MonthlyReportPrintTests(KioskStation station) => _station = station;

    [Fact]
    public async Task Regression_MonthlyReportPrintedOnTwoPagesWithTheSignaturesOrphaned()
    {
        var page = await _station.SignedInPage(1280, 800);
        await page.GotoAsync("/indicators/report");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(KioskStation.ScreenshotDir, "monthly-report-default.pdf"), pdf);

        Assert.Equal(1, Pages(pdf));
        Assert.Contains("2026年2月", await page.Locator(".report-title").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The page objects of a PDF (Chromium writes its page dictionaries uncompressed).</summary>
    private static int Pages(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
