using System.Text;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>
/// A thread-safe standard output for a command running on another thread: keeps everything written and completes
/// <see cref="WaitForLine"/> tasks as soon as a matching line is complete (a real signal, no sleeping).
/// </summary>
public sealed class LineWatchWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _all.Append(value);
            if (value == '\n')
            {
                var line = _line.ToString().TrimEnd('\r');
                _line.Clear();
                _lines.Add(line);
                foreach (var w in _waiters.Where(w => w.Match(line)).ToList())
                {
                    _waiters.Remove(w);
                    w.Done.TrySetResult(line);
                }
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    /// <summary>The first line (already written or still to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLine(Func<string, bool> match)
    {
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _all.ToString();
        }
    }
}
