using System.Globalization;

namespace EdgeStation.Domain.Records;

/// <summary>
/// Free text given beside the fields (a note, a reason, who acted) takes the same rules as a text field: a
/// length cap and no control characters. Checked here, in the domain, so the CLI, the API and the kiosk all
/// get it. An ESC sequence or a bidi override in an actor would otherwise hide who acted when the history is
/// printed on a terminal.
/// </summary>
public static class FreeText
{
    public const int NoteMaxLength = 2000;
    public const int ActorMaxLength = 64;

    /// <summary>A note or reason, trimmed; null when blank. Line breaks and tabs are kept (it is prose).</summary>
    public static string? Note(string option, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        if (value.Length > NoteMaxLength)
        {
            throw new RecordInputException($"{option} is {value.Length} characters long; the limit is {NoteMaxLength}");
        }
        if (Problem(value, allowLineBreaks: true) is { } problem)
        {
            throw new RecordInputException($"{option} {problem}");
        }
        return value;
    }

    /// <summary>Who acted, as the ledger keeps it: one line, no control or invisible formatting characters.</summary>
    public static string Actor(string actor)
    {
        var value = actor.Trim();
        if (value.Length == 0)
        {
            throw new RecordInputException("the actor is empty");
        }
        if (value.Length > ActorMaxLength)
        {
            throw new RecordInputException($"the actor is {value.Length} characters long; the limit is {ActorMaxLength}");
        }
        if (Problem(value, allowLineBreaks: false) is { } problem)
        {
            throw new RecordInputException($"the actor {problem}");
        }
        return value;
    }

    /// <summary>What is wrong with <paramref name="text"/> as stored text, or null.</summary>
    public static string? Problem(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return "is not valid Unicode text (a lone surrogate)";
            }
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\t'))
            {
                return "contains control characters";
            }
            if (!allowLineBreaks && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                // Bidi overrides (U+202E) and zero-width characters reorder or hide what a terminal shows.
                return "contains invisible formatting characters";
            }
        }
        return null;
    }
}
