using System.Globalization;
using EdgeStation.Vision.Rules;

namespace EdgeStation.Vision.Tests.Accuracy;

/// <summary>The hand labels of vtest.avi (Labels/README.md): people per frame, and crossings of one line.</summary>
public static class HandLabels
{
    public const int SourceWidth = 768;
    public const int SourceHeight = 576;
    public const long StretchFirst = 100;
    public const long StretchLast = 299;

    /// <summary>The labelled line, in 768×576 pixels, drawn bottom to top.</summary>
    public static CountingLine Line { get; } = new("x560", 560, 480, 560, 100);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Labels");

    public static IReadOnlyDictionary<long, int> PersonCounts() =>
        Rows("vtest-person-counts.csv").ToDictionary(
            r => long.Parse(r[0], CultureInfo.InvariantCulture),
            r => int.Parse(r[1], CultureInfo.InvariantCulture));

    public static IReadOnlyList<(long Frame, LineDirection Direction)> Crossings() =>
        [.. Rows("vtest-line-crossings.csv").Select(r => (
            long.Parse(r[0], CultureInfo.InvariantCulture),
            r[1] == "forward" ? LineDirection.Forward : LineDirection.Backward))];

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));
}
