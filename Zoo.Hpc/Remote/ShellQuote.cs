using System.Text;

namespace Zoo.Hpc.Remote;

/// <summary>
/// The one way a value reaches a remote POSIX shell: inside single quotes, where the shell expands
/// nothing (no <c>$</c>, backticks, globbing, <c>;</c> or newline), with each <c>'</c> written as
/// <c>'\''</c> (close, escaped quote, reopen). Every argument is quoted, even a harmless-looking one,
/// so that no call site has to decide what is safe.
/// </summary>
public static class ShellQuote
{
    /// <exception cref="ArgumentException">the value holds a NUL character, which no shell argument can carry.</exception>
    public static string Quote(string value)
    {
        if (value.Contains('\0'))
            throw new ArgumentException("a shell argument cannot contain a NUL character", nameof(value));
        var quoted = new StringBuilder(value.Length + 2);
        AppendQuoted(quoted, value);
        return quoted.ToString();
    }

    /// <summary>A command line whose words are exactly the arguments given, each quoted, separated by one space.</summary>
    public static string Join(IEnumerable<string> arguments)
    {
        var line = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (argument.Contains('\0'))
                throw new ArgumentException("a shell argument cannot contain a NUL character", nameof(arguments));
            if (line.Length > 0)
                line.Append(' ');
            AppendQuoted(line, argument);
        }
        return line.ToString();
    }

    private static void AppendQuoted(StringBuilder target, string value)
    {
        target.Append('\'');
        foreach (var c in value)
        {
            if (c == '\'')
                target.Append(@"'\''");
            else
                target.Append(c);
        }
        target.Append('\'');
    }
}
