using System.CommandLine;
using EdgeStation.Sync.Contract;

namespace EdgeStation.Center.Cli;

/// <summary>
/// `enroll`: issues a station its certificate and writes the bundle the engineer carries to the box
/// (`edgestation provision --bundle FILE`). Enrolling a station again issues a new certificate and retires the old.
/// </summary>
public static class EnrollCommand
{
    public const int DefaultPort = 7443;

    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var station = new Option<string>("--station") { Description = "the station id: lowercase letters, digits and '-' (e.g. dongshan-village)", Required = true, HelpName = "ID" };
        var name = new Option<string>("--name") { Description = "the village's name as the township writes it (e.g. 东山村)", Required = true, HelpName = "NAME" };
        var endpoint = new Option<string?>("--endpoint") { Description = $"where the station reaches this center (default: https://<this host's name>:{DefaultPort})", HelpName = "https://HOST:PORT" };
        var output = new Option<string?>("--output") { Description = "the bundle file to write, 0600 (default: ./ID.bundle.json); never overwritten", HelpName = "FILE" };
        var command = new Command("enroll", "issue a station's certificate and write its provisioning bundle") { station, name, endpoint, output };
        command.SetAction(p =>
        {
            var id = p.GetValue(station)!.Trim();
            if (StationIdFormat.Problem(id) is { } problem)
            {
                throw new UsageException(problem);
            }
            var village = p.GetValue(name)!.Trim();
            if (village.Length is 0 or > 64 || village.Any(char.IsControl))
            {
                throw new UsageException("--name must be 1-64 characters without control characters");
            }
            var url = ParseEndpoint(p.GetValue(endpoint) ?? $"https://{System.Net.Dns.GetHostName()}:{DefaultPort}");
            var path = Path.GetFullPath(p.GetValue(output) ?? $"{id}.bundle.json");
            if (File.Exists(path))
            {
                throw new UsageException($"{path} exists: a bundle holds a private key, so it is never overwritten (move it aside or give --output)");
            }
            using var access = CenterAccess.Open(o.ResolveDataDir(p, ctx), o.ResolveDatabase(p, ctx), ctx);
            var result = access.Admin.Enroll(id, village, url);
            try
            {
                WriteOwnerOnly(path, result.BundleJson);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CenterEnvironmentException($"{id} is enrolled but its bundle could not be written to {path} ({e.Message}): enroll it again with another --output", e);
            }
            ctx.Out.WriteLine($"{(result.ReEnrolled ? "re-enrolled" : "enrolled")} {id} ({village}); bundle written to {path} (0600, holds the station's key)");
            if (result.ReEnrolled)
            {
                ctx.Out.WriteLine("the station's earlier certificate is refused from now on");
            }
            ctx.Out.WriteLine($"on the station: edgestation provision --bundle {Path.GetFileName(path)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteOwnerOnly(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        stream.Write(bytes);
        stream.Flush(true);
    }

    private static Uri ParseEndpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            throw new UsageException($"--endpoint '{text}' must look like https://HOST:PORT (the center speaks only TLS)");
        }
        return url;
    }
}
