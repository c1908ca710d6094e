using System.Globalization;
using System.Text;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Api;

/// <summary>
/// POST /api/cli/read: the service runs a read command of the command line on its own open store, for the CLI of
/// this box only (the local token), and answers with the command's exit code and standard error in headers and its
/// standard output as the body (<see cref="ServiceRead"/>). Its rule, <see cref="AccessRule.LocalCli"/>, refuses every
/// session; logged-in users have /api/records and the kiosk instead.
/// </summary>
public static class CliReadEndpoints
{
    private const int MaxErrorChars = 8 * 1024;

    public static void MapCliReadEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost(ServiceRead.Path, Run).WithMetadata(AccessRule.LocalCli);

    private static async Task<IResult> Run(HttpContext http, LedgerStore store, RecordService service, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CliReadRequest);
        if (problem is not null)
        {
            return problem;
        }
        if (request!.Args is not { Count: > 0 } args)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", "args: the command line to run, e.g. [\"records\", \"list\"]");
        }
        // Standard output goes to a file that disappears when closed: an export can be larger than memory.
        var path = Path.Combine(ServiceRunFiles.Dir(store.DataDir), $"read-{Guid.NewGuid():N}.out");
        var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // no name left behind even if the service is killed mid-read (it may hold personal fields)
        }
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exit;
        try
        {
            using (var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
            {
                var ctx = new CliContext(writer, error, time, _ => null) { Hosted = new StationSession(store, service, time, ownsStore: false) };
                exit = await Task.Run(() => StationCli.Run([.. args], ctx), http.RequestAborted);
            }
            output.Position = 0;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
        var errorText = error.ToString();
        http.Response.Headers[ServiceRead.ExitHeader] = exit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[ServiceRead.ErrorHeader] = Uri.EscapeDataString(errorText.Length > MaxErrorChars ? errorText[..MaxErrorChars] : errorText);
        return TypedResults.Stream(output, "text/plain; charset=utf-8");
    }
}
