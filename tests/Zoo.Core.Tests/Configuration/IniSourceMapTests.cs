using Zoo.Core.Configuration;

namespace Zoo.Core.Tests.Configuration;

public class IniSourceMapTests
{
    private const string Text = "# comment\n[main]\ntmpPath=/tmp\n\n[HPC]\nssh_host = a\nssh_host = b\n[main]\nlate=1\n";

    [Test]
    public void Sections_are_at_their_first_header()
    {
        var map = new IniSourceMap();

        IniDocument.Parse(Text, "main.cfg", map);

        Assert.That((map.LineOf("main"), map.LineOf("hpc"), map.LineOf("absent")), Is.EqualTo((2, 5, 0)));
    }

    [Test]
    public void Keys_are_at_their_last_line_whatever_the_case()
    {
        var map = new IniSourceMap();

        IniDocument.Parse(Text, "main.cfg", map);

        Assert.That((map.LineOf("MAIN", "TMPPATH"), map.LineOf("HPC", "ssh_host"), map.LineOf("main", "late"), map.LineOf("HPC", "tmpPath")),
            Is.EqualTo((3, 7, 9, 0)));
    }

    [Test]
    public void With_a_map_every_refused_line_is_recorded_and_the_others_read()
    {
        var map = new IniSourceMap();

        var document = IniDocument.Parse("[main]\nnot ini\na=1\n[broken\nb=2\n", "main.cfg", map);

        Assert.That(map.Errors.Select(e => e.Line), Is.EqualTo(new[] { 2, 4 }));
        Assert.That((document["main"]["a"], document["main"]["b"]), Is.EqualTo(("1", "2")));
    }

    [Test]
    public void Without_a_map_the_first_refused_line_is_thrown_with_its_number()
    {
        var error = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("[main]\nnot ini\n", "main.cfg"))!;

        Assert.That((error.Line, error.Message), Is.EqualTo((2, "main.cfg line 2: expected key=value, found \"not ini\"")));
    }
}
