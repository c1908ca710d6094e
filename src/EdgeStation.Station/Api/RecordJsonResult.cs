using System.Text.Json;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Api;

/// <summary>Writes records straight to the response (hand-written JSON: AOT-safe, streams long lists).</summary>
public sealed class RecordJsonResult(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK, string? location = null) : IResult
{
    /// <param name="omit">Field keys to leave out (the personal ones, for a user who may not see them).</param>
    public static RecordJsonResult One(RecordSnapshot record, IReadOnlySet<string>? omit, int status = StatusCodes.Status200OK, string? location = null) =>
        new(w => RecordJson.WriteRecord(w, record, omit), status, location);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, RecordJson.Options);
        write(writer);
        await writer.FlushAsync(http.RequestAborted);
    }

    /// <summary>A JSON array of many records, flushed as it goes; <paramref name="omitFor"/> says what to leave out of each.</summary>
    public sealed class Stream(IEnumerable<RecordSnapshot> records, Func<RecordSnapshot, IReadOnlySet<string>?> omitFor) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, RecordJson.Options);
            writer.WriteStartArray();
            foreach (var r in records)
            {
                RecordJson.WriteRecord(writer, r, omitFor(r));
                if (writer.BytesPending > 32 * 1024)
                {
                    await writer.FlushAsync(http.RequestAborted);
                }
            }
            writer.WriteEndArray();
            await writer.FlushAsync(http.RequestAborted);
        }
    }
}
