namespace EdgeStation.Station.Cli;

/// <summary>
/// Where `users add` and `users passwd` get the password/PIN: asked twice without echo on a terminal, or one line
/// of standard input with --password-stdin (scripts, tests). Never a command-line argument (it would show in
/// `ps` and shell history).
/// </summary>
public static class SecretInput
{
    public static string Read(bool fromStdin, CliContext ctx)
    {
        if (fromStdin)
        {
            return ctx.In.ReadLine() ?? throw new UsageException("--password-stdin: standard input is empty; send the password or PIN on one line");
        }
        if (ctx.AskHidden is not { } ask)
        {
            throw new UsageException("standard input is not a terminal, so the password/PIN cannot be asked for: use --password-stdin and send it on one line");
        }
        var first = ask("password or PIN (6+ digits, or 8+ characters): ") ?? throw new UsageException("no password/PIN given; nothing was changed");
        var second = ask("again: ");
        if (second != first)
        {
            throw new UsageException("the two entries differ; nothing was changed");
        }
        return first;
    }
}
