namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// The kind of matter a petition raises (信访事项类别, 信访工作条例 第二十九条 to 第三十一条): which deadlines it has
/// depends on it. The 60 + 30-day completion rule (第三十四条) covers only 申诉求决类 matters that the unit itself
/// answers with a 信访处理意见书 (第三十一条第六项).
/// </summary>
public static class PetitionMatter
{
    /// <summary>申诉求决类, answered with a 信访处理意见书 (第三十一条第六项): 60 days to complete, extendable.</summary>
    public const string Claim = "claim";
    /// <summary>申诉求决类 routed into litigation, arbitration, administrative or other procedures (第三十一条第一至五项): that procedure's own deadlines.</summary>
    public const string ClaimRouted = "claim-routed";
    /// <summary>建议意见类 (第二十九条): studied and answered, no completion deadline in the regulation.</summary>
    public const string Suggestion = "suggestion";
    /// <summary>检举控告类 (第三十条): handled under the discipline inspection rules.</summary>
    public const string Accusation = "accusation";

    public static readonly IReadOnlyList<string> All = [Claim, ClaimRouted, Suggestion, Accusation];

    /// <summary>A petition recorded before the matter was asked is read as a claim: the rule it was kept under.</summary>
    public const string Default = Claim;
}
