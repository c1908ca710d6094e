using Google.Protobuf.Reflection;

namespace EdgeStation.Sync.Tests.Contract;

/// <summary>
/// Walks a contract's messages, and every message they reach, for fields that could carry something personal:
/// any string or bytes field not allowed by name, and any message type from outside the contract (Any, Struct,
/// wrappers carry text of their own). ARCHITECTURE invariant 2.
/// </summary>
internal static class PersonalFieldScan
{
    public static IReadOnlyList<string> Findings(FileDescriptor contract, IReadOnlySet<string> allowed)
    {
        var findings = new List<string>();
        var seen = new HashSet<string>();
        var pending = new Stack<MessageDescriptor>(GoldenBinaryTests.AllMessages(contract));
        foreach (var service in contract.Services)
        {
            foreach (var method in service.Methods)
            {
                pending.Push(method.InputType);
                pending.Push(method.OutputType);
            }
        }
        while (pending.Count > 0)
        {
            var message = pending.Pop();
            if (!seen.Add(message.FullName))
            {
                continue;
            }
            if (message.File != contract)
            {
                findings.Add($"{message.FullName}: a message from outside the contract ({message.File.Name})");
                continue;
            }
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                var name = $"{message.FullName}.{field.Name}";
                switch (field.FieldType)
                {
                    case FieldType.String or FieldType.Bytes when !allowed.Contains(name):
                        findings.Add($"{name}: a {field.FieldType.ToString().ToLowerInvariant()} field not on the allow-list");
                        break;
                    case FieldType.Message or FieldType.Group:
                        pending.Push(field.MessageType);
                        break;
                }
            }
        }
        return findings;
    }
}
