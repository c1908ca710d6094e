namespace EdgeStation.Domain.Records;

/// <summary>The kinds of record a village keeps.</summary>
public enum RecordType
{
    Dispute,   // 矛盾纠纷
    Petition,  // 信访
    Case,      // 案件 (criminal / public security)
    Lawsuit,   // 诉讼
    Cult,      // 邪教
    GridEvent, // 网格事件
}
