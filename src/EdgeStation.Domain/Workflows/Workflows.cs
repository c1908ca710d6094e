using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;

namespace EdgeStation.Domain.Workflows;

/// <summary>The workflow of every record type.</summary>
public static class Workflows
{
    public static Workflow For(RecordType type) => type switch
    {
        RecordType.Dispute => Dispute,
        RecordType.Petition => Petition,
        RecordType.Case => Case,
        RecordType.Lawsuit => Lawsuit,
        RecordType.Cult => Cult,
        RecordType.GridEvent => GridEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static readonly Workflow Case = Simple("reported", "close", "closed", "case closed by police or court");
    public static readonly Workflow Lawsuit = Simple("filed", "close", "closed", "judgment, settlement or withdrawal");
    public static readonly Workflow Cult = Simple("reported", "handle", "handled", "dealt with by the responsible department");
    public static readonly Workflow GridEvent = Simple("reported", "close", "closed", "handled and closed");

    // 排查 → 评估 → 交办 → 处置 → 化解/上报/未化解, then 回访.
    public static readonly Workflow Dispute = new(
        "reported",
        ["reported", "assessed", "assigned", "mediating", "resolved", "escalated", "closed-unresolved"],
        [
            new("assess", ["reported", "assessed"], "assessed", "risk assessment (评估): sets the colour")
            {
                Usage = "--risk red|yellow|green",
                Fields = c => new(StringComparer.Ordinal) { [FieldKeys.Risk] = c.Require(c.Input.Risk ?? c.Record.Text(FieldKeys.Risk), FieldKeys.Risk, "assess", "--risk") },
            },
            new("assign", ["assessed"], "assigned", "hand over to a mediator or department (交办)")
            {
                Usage = "--to NAME",
                Fields = c => new(StringComparer.Ordinal) { [FieldKeys.AssignedTo] = c.Require(c.Input.AssignedTo, FieldKeys.AssignedTo, "assign", "--to") },
            },
            new("mediate", ["assigned"], "mediating", "mediation under way (处置)"),
            new("resolve", ["assigned", "mediating"], "resolved", "resolved (化解)"),
            new("escalate", ["assessed", "assigned", "mediating"], "escalated", "report a red dispute to the township (上报)")
            {
                Fields = c => c.Record.Text(FieldKeys.Risk) == RiskColour.Red
                    ? new(StringComparer.Ordinal)
                    : throw new RecordInputException($"only red disputes are escalated to the township; {c.Record.Id} is {c.Record.Text(FieldKeys.Risk) ?? "not assessed"} (re-assess it with 'assess --risk red' first)"),
            },
            new("close-unresolved", ["assessed", "assigned", "mediating", "escalated"], "closed-unresolved", "closed without resolution; --note says why")
            {
                Usage = "--note WHY",
                Fields = c => string.IsNullOrWhiteSpace(c.Input.Note)
                    ? throw new RecordInputException("'close-unresolved' needs --note saying why")
                    : new(StringComparer.Ordinal),
            },
            new("follow-up", ["resolved"], null, "follow-up visit after resolution (回访)")
            {
                Fields = c => c.Record.Mark("follow-up") is null
                    ? new(StringComparer.Ordinal)
                    : throw new RecordInputException($"{c.Record.Id} already had its follow-up visit; add notes with 'amend'"),
            },
        ]);

    // 登记 → 受理/不予受理 → 办结, one extension of at most 30 days, satisfaction rating.
    public static readonly Workflow Petition = new(
        "received",
        ["received", "accepted", "declined", "completed"],
        [
            new("accept", ["received"], "accepted", "accepted for handling (受理), the petitioner told in writing how it is handled (第二十三条); a claim's completion deadline starts"),
            new("decline", ["received"], "declined", "not accepted (不予受理); --note gives the reason told to the petitioner")
            {
                Usage = "--note WHY",
                Fields = c => string.IsNullOrWhiteSpace(c.Input.Note)
                    ? throw new RecordInputException("'decline' needs --note with the reason given to the petitioner")
                    : new(StringComparer.Ordinal),
            },
            new("extend", ["accepted"], null, "extend a claim's completion deadline (延期): 情况复杂, approved by the head, at most 30 days, once (station policy)")
            {
                Usage = "--days N --reason WHY --approved-by NAME",
                Fields = Extend,
            },
            new("complete", ["accepted"], "completed", "finished (办结); --satisfaction may be given now or later with 'rate'")
            {
                Usage = "[--satisfaction satisfied|basically-satisfied|dissatisfied]",
                Fields = c => string.IsNullOrWhiteSpace(c.Input.Satisfaction)
                    ? new(StringComparer.Ordinal)
                    : new(StringComparer.Ordinal) { [FieldKeys.Satisfaction] = c.Require(c.Input.Satisfaction, FieldKeys.Satisfaction, "complete", "--satisfaction") },
            },
            new("rate", ["completed"], null, "record the petitioner's satisfaction (满意度)")
            {
                Usage = "--satisfaction satisfied|basically-satisfied|dissatisfied",
                Fields = c => new(StringComparer.Ordinal) { [FieldKeys.Satisfaction] = c.Require(c.Input.Satisfaction, FieldKeys.Satisfaction, "rate", "--satisfaction") },
            },
            new("escalate", ["received", "accepted", "declined", "completed"], null, "the petitioner went to a higher level (越级)")
            {
                Usage = "--level township|county|city|province|national",
                Fields = c =>
                {
                    var level = c.Require(c.Input.Level, FieldKeys.Level, "escalate", "--level");
                    var current = c.Record.Text(FieldKeys.Level) ?? "village";
                    if (PetitionLevel.Rank(level.Text!) <= PetitionLevel.Rank(current))
                    {
                        throw new RecordInputException($"--level must be above the level already reached ({current})");
                    }
                    return new(StringComparer.Ordinal) { [FieldKeys.Level] = level };
                },
            },
        ]);

    private static SortedDictionary<string, FieldValue> Extend(TransitionContext c)
    {
        var rule = c.Settings.PetitionRules.Extension;
        var matter = PetitionDeadlines.Matter(c.Record);
        if (!rule.AppliesToMatter(matter))
        {
            throw new RecordInputException($"{c.Record.Id} is a '{matter}' matter: the extension of {rule.Citation.Split(':')[0]} applies only to {string.Join(", ", rule.AppliesTo!)}");
        }
        var count = c.Record.Number(FieldKeys.Extensions) ?? 0;
        if (count >= rule.MaxCount)
        {
            var allowed = rule.MaxCount == 0 ? "no extension is allowed" : $"at most {rule.MaxCount} extension(s)";
            var why = rule.Policy is { } policy ? $"{policy}; {rule.Citation}" : rule.Citation;
            throw new RecordInputException($"{c.Record.Id} cannot be extended again: {allowed} ({why})");
        }
        var days = c.Require(c.Input.Days, FieldKeys.ExtensionDays, "extend", "--days");
        if (days.Number > rule.Days)
        {
            throw new RecordInputException($"--days must be at most {rule.Days} ({rule.Citation})");
        }
        if (string.IsNullOrWhiteSpace(c.Input.Reason))
        {
            throw new RecordInputException("'extend' needs --reason (the petitioner must be told why)");
        }
        var reason = c.Require(c.Input.Reason, FieldKeys.ExtensionReason, "extend", "--reason");
        if (string.IsNullOrWhiteSpace(c.Input.ApprovedBy))
        {
            throw new RecordInputException("'extend' needs --approved-by (the head of the unit who approved it, 信访工作条例 第三十四条)");
        }
        var approvedBy = c.Require(c.Input.ApprovedBy, FieldKeys.ExtensionApprovedBy, "extend", "--approved-by");
        // Days add up over extensions, so the completion deadline moves by all of them.
        return new(StringComparer.Ordinal)
        {
            [FieldKeys.ExtensionDays] = FieldValue.Of((c.Record.Number(FieldKeys.ExtensionDays) ?? 0) + days.Number),
            [FieldKeys.Extensions] = FieldValue.Of(count + 1),
            [FieldKeys.ExtensionReason] = reason,
            [FieldKeys.ExtensionApprovedBy] = approvedBy,
        };
    }

    private static Workflow Simple(string initial, string action, string final, string description) =>
        new(initial, [initial, final], [new(action, [initial], final, description)]);
}
