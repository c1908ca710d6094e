using System.Threading.Channels;
using EdgeStation.Access.Alarms;
using EdgeStation.Station.Accounts;

namespace EdgeStation.Station.Doors;

/// <summary>
/// GET /api/doors/stream: server-sent events for the kiosk's door page (门禁状态), the doors' state as GET /api/doors
/// gives it, sent at once, then at every change a person at the door could see (contact, lock, mode, buzzer, alarms),
/// within milliseconds of the GPIO edge, and every 15 s as a keep-alive. Only a state that differs from the last one
/// sent goes out. Nothing personal: the same readers as GET /api/doors.
/// </summary>
public static class DoorStateStream
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapDoorStream(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/doors/stream", StreamAsync).WithMetadata(AccessRule.SignedIn);

    private static async Task StreamAsync(HttpContext http, AccessService access, IHostApplicationLifetime lifetime)
    {
        // Ends when the kiosk goes away or the service stops: an open page must not hold up a stop.
        using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var stop = both.Token;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnDoor() => changed.Writer.TryWrite(true);
        void OnAlarm(Alarm alarm, bool isNew) => changed.Writer.TryWrite(true);
        foreach (var d in access.System.Doors)
        {
            d.Logic.StateChanged += OnDoor;
        }
        access.System.Board.Changed += OnAlarm;
        try
        {
            var last = "";
            while (!stop.IsCancellationRequested)
            {
                var json = DoorJson.Doors(access);
                if (json != last)
                {
                    await http.Response.WriteAsync("data: " + json.Replace("\n", "\ndata: ", StringComparison.Ordinal) + "\n\n", stop);
                }
                else
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", stop);
                }
                await http.Response.Body.FlushAsync(stop);
                last = json;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(KeepAlive);
                try
                {
                    await changed.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Keep-alive (and a contact change that raised nothing else is caught up here at the latest).
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The kiosk went away.
        }
        finally
        {
            foreach (var d in access.System.Doors)
            {
                d.Logic.StateChanged -= OnDoor;
            }
            access.System.Board.Changed -= OnAlarm;
        }
    }
}
