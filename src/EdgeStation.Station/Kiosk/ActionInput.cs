namespace EdgeStation.Station.Kiosk;

/// <summary>One input of a workflow action's form: the API member it fills, its label, and its choices.</summary>
public sealed record ActionInput(string Name, string Label, bool Required, string ChoiceKey = "", IReadOnlyList<string>? ChoiceList = null)
{
    public IReadOnlyList<string> Choices => ChoiceList ?? [];
}
