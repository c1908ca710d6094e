namespace EdgeStation.Domain.Calendar;

/// <summary>A holiday file that cannot be imported, with every problem found (line-numbered).</summary>
public sealed class HolidayFileException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
