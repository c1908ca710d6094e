using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>Issue 15: a busy port printed a multi-kilobyte stack trace before the exit-3 message. A real child process.</summary>
public class RunBusyPortTests
{
    [Fact]
    public async Task Regression_a_busy_port_printed_a_stack_trace_before_its_one_line_message()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var dataDir = Directory.CreateTempSubdirectory("edgestation-busy-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "edgestation.dll"), "--data-dir", dataDir, "run", "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(arg);
            }
            using var child = Process.Start(start)!;
            var stdout = child.StandardOutput.ReadToEndAsync();
            var stderr = await child.StandardError.ReadToEndAsync();
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var output = await stdout + stderr;

            Assert.Equal(3, child.ExitCode);
            Assert.Contains($"cannot listen on http://127.0.0.1:{port}", output, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
            Assert.True(output.Length < 400, $"{output.Length} characters: {output}");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
