using Zoo.Hpc.Remote;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Remote;

public class ShellQuoteTests
{
    private static readonly string[] Hostile =
    [
        "im1b1\"; touch pwned; echo \"",
        "$(touch pwned)",
        "`touch pwned`",
        "'; touch pwned; '",
        "it's",
        "''",
        "'",
        "a\nb; touch pwned",
        "$HOME ${PATH} $1 $@",
        "* ?.tif [ab]",
        "\\ \\\\ \\'",
        "a;b|c&d>e<f",
        "~",
        "",
        " leading and trailing ",
        "\t",
        "-n",
        "é ü 中文",
    ];

    private static IEnumerable<string> HostileValues() => Hostile;

    [TestCase("plain", "'plain'")]
    [TestCase("", "''")]
    [TestCase("it's", @"'it'\''s'")]
    [TestCase("'", @"''\'''")]
    [TestCase("$(id)", "'$(id)'")]
    public void A_value_is_single_quoted_with_quotes_written_as_close_escape_reopen(string value, string expected)
    {
        Assert.That(ShellQuote.Quote(value), Is.EqualTo(expected));
    }

    [Test]
    public void Arguments_are_joined_by_single_spaces()
    {
        Assert.That(ShellQuote.Join(["otbcli_BandMath", "-exp", "im1b1*2"]), Is.EqualTo("'otbcli_BandMath' '-exp' 'im1b1*2'"));
    }

    [Test]
    public void A_NUL_character_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ShellQuote.Quote("a\0b"));
        Assert.Throws<ArgumentException>(() => ShellQuote.Join(["ok", "a\0b"]));
    }

    [TestCaseSource(nameof(HostileValues))]
    public void The_shell_receives_a_quoted_value_unchanged_and_runs_nothing(string value)
    {
        using var directory = new TempDirectory();

        var result = Shell.Command("printf '%s\\n' " + ShellQuote.Quote(value), directory.Path);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo(value + "\n"));
        Assert.That(File.Exists(directory.PathOf("pwned")), Is.False);
    }

    [Test]
    public void The_shell_receives_each_joined_argument_as_exactly_one_word()
    {
        using var directory = new TempDirectory();

        // printf repeats its format for each argument; \037 separates them (no value holds it).
        var result = Shell.Command("printf '%s\\037' " + ShellQuote.Join(Hostile), directory.Path);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout.Split('\x1f')[..^1], Is.EqualTo(Hostile));
        Assert.That(File.Exists(directory.PathOf("pwned")), Is.False);
    }
}
