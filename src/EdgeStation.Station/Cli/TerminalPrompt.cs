using System.Text;

namespace EdgeStation.Station.Cli;

/// <summary>Reads a line from the terminal without echoing it (passwords and PINs). The prompt goes to stderr.</summary>
public static class TerminalPrompt
{
    public static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return text.ToString();
                case ConsoleKey.Backspace:
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && text.Length == 0:
                    Console.Error.WriteLine();
                    return null; // Ctrl-D on an empty line: end of input
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        text.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
