using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// `edgestation-center run` as a child process, so a test can kill it with SIGKILL in the middle of an ingest (what a
/// power cut or an OOM kill does; an in-process center can only be stopped politely).
/// </summary>
public sealed class CenterProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private CenterProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _errors = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    /// <summary>Starts the center on a free port and returns once its log says it listens (exit or EOF first: throws with its output).</summary>
    public static CenterProcess Start(CenterRun run)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [Path.Combine(AppContext.BaseDirectory, "edgestation-center.dll"), "run", "--urls", $"https://127.0.0.1:{port}", "--admin-port", "0", .. run.StoreArgs];
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        var center = new CenterProcess(process, port);
        var seen = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            seen.Add(line);
            if (line.Contains("center listening on", StringComparison.Ordinal))
            {
                // Keep draining stdout so a chatty center never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                return center;
            }
        }
        process.WaitForExit();
        throw new InvalidOperationException($"the center did not start (exit {process.ExitCode}): {string.Join('\n', seen)}\n{center._errors.Result}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the stations.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
