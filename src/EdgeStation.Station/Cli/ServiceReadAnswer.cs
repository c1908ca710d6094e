namespace EdgeStation.Station.Cli;

/// <summary>What a read command run in the service answered: its exit code, standard error, and standard output to stream.</summary>
public sealed class ServiceReadAnswer(int exit, string error, HttpResponseMessage response) : IDisposable
{
    public int Exit { get; } = exit;
    public string Error { get; } = error;

    /// <summary>Copies the command's standard output to <paramref name="target"/> as it arrives.</summary>
    public void CopyOutputTo(TextWriter target)
    {
        using var body = response.Content.ReadAsStream();
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        var chunk = new char[16 * 1024];
        int n;
        while ((n = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            target.Write(chunk, 0, n);
        }
        target.Flush();
    }

    public void Dispose() => response.Dispose();
}
