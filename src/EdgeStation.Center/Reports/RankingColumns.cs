using System.Globalization;

namespace EdgeStation.Center.Reports;

/// <summary>The ranking's columns, shared by the CSV, the workbook and the printable page, so the three never disagree.</summary>
public static class RankingColumns
{
    public static readonly string[] Headers =
        ["排名", "村", "站点编号", "平安指数", "四无平安村", "无案件天数", "无上访天数", "无诉讼天数", "无邪教天数", "红色纠纷", "逾期信访", "数据日期"];

    /// <summary>One row's cells: a number (double) or text, null for "no figures".</summary>
    public static object?[] Cells(RankingRow r)
    {
        var m = r.Month;
        var s = m.Figures?.Streaks;
        return
        [
            r.Rank is { } rank ? (double)rank : null,
            r.Name,
            r.StationId,
            m.SafetyIndex,
            m.FourNothing switch { true => "达成", false => "未达成", null => null },
            s is null ? null : (double)s.NoCases,
            s is null ? null : (double)s.NoEscalatedPetitions,
            s is null ? null : (double)s.NoLawsuits,
            s is null ? null : (double)s.NoCults,
            m.RedDisputes is { } red ? (double)red : null,
            m.OverduePetitions is { } od ? (double)od : null,
            m.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "本月无日结",
        ];
    }

    public static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
