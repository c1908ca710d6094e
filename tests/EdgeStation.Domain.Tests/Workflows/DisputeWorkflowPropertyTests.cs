using CsCheck;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;
using EdgeStation.Domain.Workflows;
using DomainWorkflows = EdgeStation.Domain.Workflows.Workflows;

namespace EdgeStation.Domain.Tests.Workflows;

public sealed class DisputeWorkflowPropertyTests
{
    private static readonly Workflow Dispute = DomainWorkflows.Dispute;

    /// <summary>
    /// Each generated number picks one of the actions that are valid now (escalate only when red, follow-up once)
    /// and its input; at <c>voidAt</c> the record is voided and every later attempt must be refused.
    /// </summary>
    [Fact]
    public void Dispute_status_is_always_a_workflow_status_and_never_changes_after_void()
    {
        Gen.Select(Gen.Int[0, 999].Array[0, 25], Gen.Int[0, 30], (choices, voidAt) => (choices, voidAt))
            .Sample((choices, voidAt) =>
            {
                var records = new RecordBuilder();
                var now = Cst.At(2026, 3, 2, 9);
                var dispute = records.Dispute(now);
                string? frozen = null;
                for (var i = 0; i < choices.Length; i++)
                {
                    now = now.AddHours(1);
                    if (i == voidAt)
                    {
                        frozen = records.Void(dispute, now, "property test").Status;
                    }
                    var choice = choices[i];
                    if (frozen is not null)
                    {
                        var any = Dispute.Actions[choice % Dispute.Actions.Count];
                        Assert.ThrowsAny<RecordInputException>(() => records.Act(dispute, any.Name, now, InputFor(any.Name, choice)));
                        Assert.Equal(frozen, dispute.Status);
                        continue;
                    }
                    var valid = Dispute.AllowedFrom(dispute.Status)
                        .Where(a => a.Name != "escalate" || dispute.Text(FieldKeys.Risk) == RiskColour.Red)
                        .Where(a => a.Name != "follow-up" || dispute.Mark("follow-up") is null)
                        .ToList();
                    if (valid.Count == 0)
                    {
                        continue;
                    }
                    var action = valid[choice % valid.Count];
                    var before = dispute.Status;
                    records.Act(dispute, action.Name, now, InputFor(action.Name, choice));
                    Assert.Contains(dispute.Status, Dispute.Statuses);
                    Assert.Equal(action.To ?? before, dispute.Status);
                }
            }, iter: 2000);
    }

    private static TransitionInput InputFor(string action, int choice) => action switch
    {
        "assess" => new() { Risk = RiskColour.All[choice / 7 % RiskColour.All.Count] },
        "assign" => new() { AssignedTo = "mediator" },
        "close-unresolved" => new() { Note = "no agreement" },
        _ => new(),
    };
}
