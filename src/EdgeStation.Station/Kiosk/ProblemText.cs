using System.Text.RegularExpressions;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// The kiosk's words for an input problem. The domain explains problems in English with the command line's option
/// names (what the CLI and API clients read); an official at the kiosk gets the same problem in Chinese, naming the
/// form's fields. Each known message shape maps to a zh-CN template (problem.* in Kiosk/Strings); anything else gets
/// a general sentence rather than English.
/// </summary>
public sealed partial class ProblemText(UiText text, RecordSchemas schemas)
{
    private static readonly (Regex Pattern, string Key)[] Shapes =
    [
        (Future(), "problem.future"),
        (OccurredAfterReported(), "problem.occurredAfterReported"),
        (AtBeforeStart(), "problem.atBeforeStart"),
        (AtBeforePrevious(), "problem.atBeforePrevious"),
        (AtBeforeRecord(), "problem.atBeforeRecord"),
        (Empty(), "problem.empty"),
        (WholeNumber(), "problem.integer"),
        (Between(), "problem.between"),
        (OneOf(), "problem.choice"),
        (DateLike(), "problem.date"),
        (TooLong(), "problem.tooLong"),
        (ControlCharacters(), "problem.controlCharacters"),
        (NoSuchRecordRef(), "problem.noSuchRef"),
        (CheckFailed(), "problem.format"),
        (ReasonNeeded(), "problem.reason"),
        (ActionNeeds(), "problem.actionNeeds"),
        (TypeNeeds(), "problem.required"),
        (NothingToAmend(), "problem.nothingToAmend"),
        (NotAllowedNow(), "problem.notAllowedNow"),
        (NotAnAction(), "problem.notAnAction"),
        (Voided(), "problem.voided"),
        (OnlyRedEscalated(), "problem.onlyRed"),
        (FollowedUp(), "problem.followedUp"),
        (ExtendedAgain(), "problem.extendedAgain"),
        (DaysAtMost(), "problem.daysAtMost"),
        (LevelAbove(), "problem.levelAbove"),
        (WhichGrid(), "problem.whichGrid"),
        (NoRecord(), "problem.noRecord"),
        (ActorProblem(), "problem.actor"),
    ];

    /// <summary>The zh-CN sentence for a refused request (<see cref="Api.ApiProblem.For(Exception, HttpContext)"/>).</summary>
    public string For(Exception ex) => ex switch
    {
        Domain.Accounts.AccessDeniedException => text["error.forbidden"],
        Storage.Ledger.IdempotencyConflictException => text["problem.keyReused"],
        Storage.StorageEnvironmentException => StorageUnavailable,
        _ => Chinese(ex.Message),
    };

    /// <summary>A write the storage refused: stored or not is unknown, and the kiosk resubmits with the form's key.</summary>
    public string StorageUnavailable => text["problem.storage"];

    /// <summary>A failure no code expected (500).</summary>
    public string Internal => text["problem.internal"];

    /// <summary>The zh-CN sentence for <paramref name="message"/> (a domain or API input problem).</summary>
    public string Chinese(string message)
    {
        foreach (var (pattern, key) in Shapes)
        {
            var m = pattern.Match(message);
            if (!m.Success)
            {
                continue;
            }
            var sentence = text[key];
            foreach (var name in pattern.GetGroupNames().Where(n => !char.IsAsciiDigit(n[0])))
            {
                sentence = sentence.Replace("{" + name + "}", Word(name, m.Groups[name].Value), StringComparison.Ordinal);
            }
            return sentence;
        }
        return text["problem.other"];
    }

    /// <summary>An option as the form names it, a status in Chinese; anything else as it is.</summary>
    private string Word(string group, string value) => group switch
    {
        "opt" => Label(value),
        "status" => text.Has("status." + value) ? text["status." + value] : value,
        _ => value,
    };

    private string Label(string option)
    {
        foreach (var type in RecordTypeNames.All)
        {
            if (schemas[type].Fields.FirstOrDefault(f => f.Option == option) is { } spec && text.Has("field." + spec.Key))
            {
                return text["field." + spec.Key];
            }
        }
        var key = "option." + option.TrimStart('-');
        return text.Has(key) ? text[key] : text["problem.thisField"];
    }

    [GeneratedRegex(@"^(?<opt>--[a-z-]+) (?<date>\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d)?) is in the future")]
    private static partial Regex Future();
    [GeneratedRegex(@"^--occurred-at is after --reported-at")]
    private static partial Regex OccurredAfterReported();
    [GeneratedRegex(@"^--at (?<date>[\d-]+(?: [\d:]+)?) is before the station started keeping records \((?<when>[^)]+)\)")]
    private static partial Regex AtBeforeStart();
    [GeneratedRegex(@"^--at (?<date>[\d-]+(?: [\d:]+)?) is before the step before it .* on (?<when>[^)]+)\)")]
    private static partial Regex AtBeforePrevious();
    [GeneratedRegex(@"^--at (?<date>[\d-]+(?: [\d:]+)?) is before \S+ was [a-z ]+ \((?<when>[^)]+)\)")]
    private static partial Regex AtBeforeRecord();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) is empty")]
    private static partial Regex Empty();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) must be a whole number")]
    private static partial Regex WholeNumber();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) must be between (?<min>-?\d+) and (?<max>-?\d+)")]
    private static partial Regex Between();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) must be one of ")]
    private static partial Regex OneOf();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) must be a date like ")]
    private static partial Regex DateLike();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) is (?<n>\d+) characters long; the limit is (?<max>\d+)")]
    private static partial Regex TooLong();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) (contains control characters|contains invisible formatting characters|is not valid Unicode text)")]
    private static partial Regex ControlCharacters();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+) (?<id>\S+): no [a-z-]+ with that id")]
    private static partial Regex NoSuchRecordRef();
    [GeneratedRegex(@"^(?<opt>--[a-z-]+): ")]
    private static partial Regex CheckFailed();
    [GeneratedRegex(@"needs --reason")]
    private static partial Regex ReasonNeeded();
    [GeneratedRegex(@"^'[a-z-]+' needs (?<opt>--[a-z-]+)")]
    private static partial Regex ActionNeeds();
    [GeneratedRegex(@"^a [a-z-]+ needs (?<opt>--[a-z-]+)")]
    private static partial Regex TypeNeeds();
    [GeneratedRegex(@"^nothing to amend")]
    private static partial Regex NothingToAmend();
    [GeneratedRegex(@"^cannot '[a-z-]+' \S+: it is '(?<status>[a-z-]+)'")]
    private static partial Regex NotAllowedNow();
    [GeneratedRegex(@"is not an action for a")]
    private static partial Regex NotAnAction();
    [GeneratedRegex(@" was voided ")]
    private static partial Regex Voided();
    [GeneratedRegex(@"^only red disputes are escalated")]
    private static partial Regex OnlyRedEscalated();
    [GeneratedRegex(@"already had its follow-up visit")]
    private static partial Regex FollowedUp();
    [GeneratedRegex(@"cannot be extended again")]
    private static partial Regex ExtendedAgain();
    [GeneratedRegex(@"^--days must be at most (?<max>\d+)")]
    private static partial Regex DaysAtMost();
    [GeneratedRegex(@"^--level must be above")]
    private static partial Regex LevelAbove();
    [GeneratedRegex(@"^say which grid")]
    private static partial Regex WhichGrid();
    [GeneratedRegex(@"^no record '(?<id>[^']+)'")]
    private static partial Regex NoRecord();
    [GeneratedRegex(@"^the actor ")]
    private static partial Regex ActorProblem();
}
