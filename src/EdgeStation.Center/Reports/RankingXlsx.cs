using System.IO.Compression;
using System.Text;
using System.Xml;

namespace EdgeStation.Center.Reports;

/// <summary>
/// The monthly ranking as a minimal Office Open XML workbook (.xlsx), written by hand with System.IO.Compression: one
/// sheet, inline strings (no shared-string table), numbers as numbers, a bold header row, the title merged across
/// the columns. Five parts are all a spreadsheet needs: content types, the package and workbook relationships, the
/// workbook, the sheet, and styles for the bold font.
/// </summary>
public static class RankingXlsx
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(ReportMonth month, IReadOnlyList<RankingRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="{SheetNs}" xmlns:r="{RelNs}"><sheets><sheet name="{month}" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/styles.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="{SheetNs}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
                """);
            Part(zip, "xl/worksheets/sheet1.xml", Sheet(month, rows));
        }
        return buffer.ToArray();
    }

    private static byte[] Sheet(ReportMonth month, IReadOnlyList<RankingRow> rows)
    {
        using var b = new MemoryStream();
        using (var w = XmlWriter.Create(b, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartElement("worksheet", SheetNs);
            w.WriteStartElement("sheetData", SheetNs);
            Row(w, 1, [$"{month.Chinese}各村平安指数排名"], bold: true);
            Row(w, 2, RankingColumns.Headers, bold: true);
            var n = 3;
            foreach (var r in rows)
            {
                Row(w, n++, RankingColumns.Cells(r), bold: false);
            }
            w.WriteEndElement();
            w.WriteStartElement("mergeCells", SheetNs);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("mergeCell", SheetNs);
            w.WriteAttributeString("ref", $"A1:{Column(RankingColumns.Headers.Length - 1)}1");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return b.ToArray();
    }

    private static void Row(XmlWriter w, int row, IReadOnlyList<object?> cells, bool bold)
    {
        w.WriteStartElement("row", SheetNs);
        w.WriteAttributeString("r", row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is null)
            {
                continue; // an empty cell is simply absent
            }
            w.WriteStartElement("c", SheetNs);
            w.WriteAttributeString("r", Column(i) + row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (bold)
            {
                w.WriteAttributeString("s", "1");
            }
            if (cells[i] is double d)
            {
                w.WriteElementString("v", SheetNs, d.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteAttributeString("t", "inlineStr");
                w.WriteStartElement("is", SheetNs);
                w.WriteElementString("t", SheetNs, cells[i]!.ToString());
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>A, B, … Z, AA, … for a zero-based column.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static void Part(ZipArchive zip, string name, string xml) => Part(zip, name, new UTF8Encoding(false).GetBytes(xml.Trim()));

    private static void Part(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
