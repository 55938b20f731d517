namespace Zoo.Hpc.Completion;

/// <summary>
/// A maildir (the layout MTAs and Slurm's test MailProg deliver into) read by one or more watchers:
/// new mails are taken from <c>new/</c>; a handled one goes to <c>cur/</c> with the Seen flag, as mail
/// readers expect, and one that could not be handled to <c>failed/</c> with the reason beside it.
/// Moves are single renames, so of two processes moving the same mail exactly one succeeds; the
/// other finds the mail gone and leaves it to the winner.
/// </summary>
public sealed class Maildir(string root)
{
    public string Root { get; } = root;

    private string New => Path.Combine(Root, "new");

    private string Cur => Path.Combine(Root, "cur");

    private string Failed => Path.Combine(Root, "failed");

    /// <summary>
    /// The mails in <c>new/</c>, oldest first: maildir names begin with the delivery time in seconds.
    /// Dot files are not mails; <c>tmp/</c> holds deliveries in progress. None before the first delivery
    /// has created <c>new/</c>.
    /// </summary>
    public IEnumerable<MaildirMessage> NewMessages()
    {
        if (!Directory.Exists(New))
            return [];
        return new DirectoryInfo(New).EnumerateFiles()
            .Where(file => !file.Name.StartsWith('.'))
            .Select(file => new MaildirMessage(file.FullName, file.Name))
            .OrderBy(message => message.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Moves the mail to <c>cur/</c> as seen (<c>:2,S</c>); nothing when another process has already moved it.</summary>
    public void MarkHandled(MaildirMessage message) => Move(message, Cur, message.Name + ":2,S");

    /// <summary>
    /// Moves the mail to <c>failed/</c> and writes why beside it, in <c>&lt;name&gt;.reason</c>; nothing
    /// when another process has already moved it.
    /// </summary>
    public void MarkFailed(MaildirMessage message, string reason)
    {
        if (Move(message, Failed, message.Name))
            File.WriteAllText(Path.Combine(Failed, message.Name + ".reason"), reason + "\n");
    }

    // overwrite: true is a plain rename(2), atomic; without it .NET links then unlinks, and two
    // processes could both "move" the same mail.
    private static bool Move(MaildirMessage message, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        try
        {
            File.Move(message.Path, Path.Combine(directory, name), overwrite: true);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !File.Exists(message.Path))
        {
            return false;
        }
    }
}
