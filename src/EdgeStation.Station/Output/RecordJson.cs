using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Output;

/// <summary>Writes records and ledger entries as JSON by hand (AOT-safe; records have open-ended fields).</summary>
public static class RecordJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Readable Chinese in terminals and files; this JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteRecord(Utf8JsonWriter w, RecordSnapshot r, IReadOnlySet<string>? omit = null)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("type", RecordTypeNames.Name(r.Type));
        w.WriteString("status", r.Status);
        w.WriteBoolean("voided", r.Voided);
        if (r.VoidReason is not null && omit is null)
        {
            w.WriteString("voidReason", r.VoidReason);
        }
        w.WriteStartObject("fields");
        foreach (var (k, v) in r.Fields)
        {
            if (omit?.Contains(k) == true || k == FieldKeys.Status)
            {
                continue;
            }
            if (v.IsNumber)
            {
                w.WriteNumber(k, v.Number);
            }
            else
            {
                w.WriteString(k, v.Text);
            }
        }
        w.WriteEndObject();
        w.WriteStartObject("marks");
        foreach (var (k, at) in r.Marks)
        {
            w.WriteString(k, at.ToString(RecordEventCodec.AtFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
        w.WriteEndObject();
        w.WriteNumber("createdSeq", r.CreatedSeq);
        w.WriteNumber("lastSeq", r.LastSeq);
        w.WriteNumber("amendments", r.Amendments);
        w.WriteEndObject();
    }

    public static void WriteEntry(Utf8JsonWriter w, LedgerEntry e, bool withContent)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", e.Seq);
        w.WriteString("recordId", e.RecordId);
        if (withContent)
        {
            w.WriteString("content", e.Content);
        }
        w.WriteString("contentDigest", e.ContentDigest);
        w.WriteString("prevHash", e.PrevHash);
        w.WriteString("hash", e.Hash);
        w.WriteEndObject();
    }

    /// <summary>Streams JSON to a text writer in chunks, so a 100,000-record list never sits in memory whole.</summary>
    public sealed class Stream(TextWriter target) : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
        private Utf8JsonWriter? _writer;

        public Utf8JsonWriter Writer => _writer ??= new Utf8JsonWriter(_buffer, Options);

        public void FlushIfLarge()
        {
            if (_buffer.WrittenCount > 48 * 1024)
            {
                Flush();
            }
        }

        public void Flush()
        {
            Writer.Flush();
            target.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            // Safe: after Flush the writer holds no memory of the buffer, and keeps its nesting state.
            _buffer.ResetWrittenCount();
        }

        public void Dispose()
        {
            Flush();
            target.WriteLine();
            target.Flush();
            _writer?.Dispose();
        }
    }
}
