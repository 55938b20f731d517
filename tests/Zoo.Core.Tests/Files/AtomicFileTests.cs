using System.Text.RegularExpressions;
using Zoo.Core.Files;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AtomicFileTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory();

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    private string PathOf(string name) => Path.Combine(_directory.Path, name);

    private string[] Names() => Directory.GetFileSystemEntries(_directory.Path).Select(Path.GetFileName).Order().ToArray()!;

    [Test]
    public void Write_creates_the_file_with_its_content()
    {
        AtomicFile.Write(PathOf("a.status"), "10|running");

        Assert.That(File.ReadAllText(PathOf("a.status")), Is.EqualTo("10|running"));
    }

    [Test]
    public void Write_replaces_the_content_of_an_existing_file()
    {
        var path = _directory.Write("a.status", "10|running and a much longer message than the next one");

        AtomicFile.Write(path, "20|on");

        Assert.That(File.ReadAllText(path), Is.EqualTo("20|on"));
    }

    [Test]
    public void Write_leaves_no_temporary_file()
    {
        AtomicFile.Write(PathOf("a.status"), "x");

        Assert.That(Names(), Is.EqualTo(new[] { "a.status" }));
    }

    [Test]
    public void Write_gives_the_file_the_mode_asked_for()
    {
        AtomicFile.Write(PathOf("a.status"), "x", SafeFile.Private);

        Assert.That(File.GetUnixFileMode(PathOf("a.status")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void A_planted_link_at_the_final_name_is_replaced()
    {
        var victim = _directory.Write("victim", "original");
        File.CreateSymbolicLink(PathOf("Service_id.xml"), victim);

        AtomicFile.Write(PathOf("Service_id.xml"), "<new/>");

        Assert.That(new FileInfo(PathOf("Service_id.xml")).LinkTarget, Is.Null);
    }

    [Test]
    public void A_planted_link_at_the_final_name_is_not_written_through()
    {
        var victim = _directory.Write("victim", "original");
        File.CreateSymbolicLink(PathOf("Service_id.xml"), victim);

        AtomicFile.Write(PathOf("Service_id.xml"), "<new/>");

        Assert.That(File.ReadAllText(victim), Is.EqualTo("original"));
    }

    [Test]
    public void The_file_replacing_a_planted_link_has_the_new_content()
    {
        var victim = _directory.Write("victim", "original");
        File.CreateSymbolicLink(PathOf("Service_id.xml"), victim);

        AtomicFile.Write(PathOf("Service_id.xml"), "<new/>");

        Assert.That(File.ReadAllText(PathOf("Service_id.xml")), Is.EqualTo("<new/>"));
    }

    [Test]
    public void The_file_does_not_appear_before_its_commit()
    {
        using var writer = AtomicFile.Create(PathOf("a.xml"));
        writer.Stream.Write("<a/>"u8);

        Assert.That(File.Exists(PathOf("a.xml")), Is.False);
    }

    [Test]
    public void The_old_content_stays_until_the_commit()
    {
        var path = _directory.Write("a.xml", "<old/>");
        using var writer = AtomicFile.Create(path);
        writer.Stream.Write("<new/>"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("<old/>"));
    }

    [Test]
    public void The_temporary_name_is_hidden_and_random()
    {
        using var writer = AtomicFile.Create(PathOf("a.xml"));

        Assert.That(Names().Single(), Does.Match(@"^\.a\.xml\.[0-9a-f]{16}\.tmp$"));
    }

    [Test]
    public void Two_writers_of_one_file_get_different_temporary_names()
    {
        using var first = AtomicFile.Create(PathOf("a.xml"));
        using var second = AtomicFile.Create(PathOf("a.xml"));

        Assert.That(Names().Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Disposed_without_a_commit_the_temporary_file_is_removed()
    {
        using (var writer = AtomicFile.Create(PathOf("a.xml")))
            writer.Stream.Write("<a/>"u8);

        Assert.That(Names(), Is.Empty);
    }

    [Test]
    public void Disposed_without_a_commit_an_existing_file_keeps_its_content()
    {
        var path = _directory.Write("a.xml", "<old/>");

        using (var writer = AtomicFile.Create(path))
            writer.Stream.Write("<new/>"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("<old/>"));
    }

    [Test]
    public void Committed_then_disposed_the_file_stays()
    {
        using (var writer = AtomicFile.Create(PathOf("a.xml")))
        {
            writer.Stream.Write("<a/>"u8);
            writer.Commit();
        }

        Assert.That(Names(), Is.EqualTo(new[] { "a.xml" }));
    }

    [Test]
    public void The_writer_names_the_final_path()
    {
        using var writer = AtomicFile.Create(PathOf("a.xml"));

        Assert.That(writer.Path, Is.EqualTo(PathOf("a.xml")));
    }

    [Test]
    public void A_missing_directory_is_an_error_not_a_file_elsewhere()
    {
        Assert.Throws<FileNotFoundException>(() => AtomicFile.Write(PathOf("missing/a.xml"), "x"));
    }

    [Test]
    public void The_temporary_name_does_not_reveal_a_pattern_across_writers()
    {
        var names = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            using var writer = AtomicFile.Create(PathOf("a.xml"));
            names.Add(Regex.Match(Names().Single(), @"\.([0-9a-f]{16})\.tmp$").Groups[1].Value);
        }

        Assert.That(names, Has.Count.EqualTo(20));
    }
}
