using Zoo.Hpc.Completion;

namespace Zoo.Hpc.Tests.Completion;

[TestFixture]
public sealed class HenvFileTests
{
    [Test]
    public void The_file_is_named_as_zoo_names_it() =>
        Assert.That(HenvFile.PathFor("/tmp/zoo", "abc"), Is.EqualTo("/tmp/zoo/exec_status_abc"));

    [Test]
    public void It_is_a_henv_section_of_key_equals_value_lines()
    {
        using var directory = new TestSupport.TempDirectory();
        var path = directory.PathOf("exec_status_x");

        HenvFile.Write(path, [new("JobID", "42"), new("State", "COMPLETED")]);

        Assert.That(File.ReadAllText(path), Is.EqualTo("[henv]\nJobID = 42\nState = COMPLETED\n"));
    }

    [Test]
    public void What_is_written_reads_back()
    {
        using var directory = new TestSupport.TempDirectory();
        var path = directory.PathOf("exec_status_x");

        HenvFile.Write(path, [new("JobID", "42"), new("ExitCode", "0:0"), new("WorkDir", "/home/u/zoo/work")]);

        var henv = HenvFile.Read(path)!;
        Assert.That((henv["JobID"], henv["ExitCode"], henv["WorkDir"]), Is.EqualTo(("42", "0:0", "/home/u/zoo/work")));
    }

    [Test]
    public void A_missing_file_reads_as_nothing()
    {
        using var directory = new TestSupport.TempDirectory();

        Assert.That(HenvFile.Read(directory.PathOf("exec_status_none")), Is.Null);
    }

    [Test]
    public void A_value_never_spans_two_lines()
    {
        using var directory = new TestSupport.TempDirectory();
        var path = directory.PathOf("exec_status_x");

        HenvFile.Write(path, [new("Comment", "one\ntwo")]);

        Assert.That(HenvFile.Read(path)!["Comment"], Is.EqualTo("one two"));
    }
}
