using System.Diagnostics;
using System.Text;
using Zoo.Core.Files;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Files;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SafeFileTests
{
    private static readonly TimeSpan NoWait = TimeSpan.FromSeconds(10);

    private TempDirectory _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory();

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    private string PathOf(string name) => Path.Combine(_directory.Path, name);

    private string Link(string name, string target)
    {
        File.CreateSymbolicLink(PathOf(name), target);
        return PathOf(name);
    }

    /// <summary>A named pipe, made by mkfifo (no managed call makes one).</summary>
    private string Fifo(string name)
    {
        var path = PathOf(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("/usr/bin/mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
        return path;
    }

    /// <summary>Runs an open that must fail at once, and fails the test if it waits instead.</summary>
    private static Exception? FailureWithoutWaiting(Action open)
    {
        var attempt = Task.Run(open);
        if (!((IAsyncResult)attempt).AsyncWaitHandle.WaitOne(NoWait))
            Assert.Fail("the open waited on the file");
        return attempt.Exception?.InnerException;
    }

    // ---- reading

    [Test]
    public void A_regular_file_is_read()
    {
        var path = _directory.Write("a.txt", "hello");

        Assert.That(SafeFile.ReadAllBytes(path, 100), Is.EqualTo("hello"u8.ToArray()));
    }

    [Test]
    public void A_missing_file_is_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => SafeFile.OpenRead(PathOf("missing")));
    }

    [Test]
    public void Reading_through_a_symbolic_link_is_refused()
    {
        var target = _directory.Write("secret.txt", "secret");
        var link = Link("status.xml", target);

        var error = Assert.Throws<IOException>(() => SafeFile.OpenRead(link));

        Assert.That(error!.Message, Is.EqualTo($"{link} is a symbolic link"));
    }

    [Test]
    public void A_symbolic_link_to_a_missing_file_is_refused_not_reported_missing()
    {
        var link = Link("status.xml", PathOf("nowhere"));

        Assert.That(() => SafeFile.OpenRead(link), Throws.TypeOf<IOException>());
    }

    [Test]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Fifo("pipe");

        Assert.That(FailureWithoutWaiting(() => SafeFile.OpenRead(fifo).Dispose()), Is.TypeOf<IOException>());
    }

    [Test]
    public void A_fifo_is_refused_as_not_a_regular_file()
    {
        var fifo = Fifo("pipe");

        Assert.That(FailureWithoutWaiting(() => SafeFile.OpenRead(fifo).Dispose())!.Message, Is.EqualTo($"{fifo} is not a regular file"));
    }

    [Test]
    public void A_directory_is_not_read()
    {
        var directory = _directory.CreateDirectory("sub");

        Assert.Throws<IOException>(() => SafeFile.OpenRead(directory));
    }

    [Test]
    public void A_file_larger_than_the_limit_is_refused()
    {
        var path = _directory.Write("a.txt", "hello");

        Assert.Throws<IOException>(() => SafeFile.ReadAllBytes(path, 4));
    }

    [Test]
    public void A_file_as_large_as_the_limit_is_read()
    {
        var path = _directory.Write("a.txt", "hello");

        Assert.That(SafeFile.ReadAllBytes(path, 5), Has.Length.EqualTo(5));
    }

    [Test]
    public void The_text_of_a_small_file_is_trimmed()
    {
        var path = _directory.Write("a.pid", " 4242 987654\n");

        Assert.That(SafeFile.ReadTextOrNull(path, 100), Is.EqualTo("4242 987654"));
    }

    [Test]
    public void The_text_of_a_missing_file_is_null()
    {
        Assert.That(SafeFile.ReadTextOrNull(PathOf("missing"), 100), Is.Null);
    }

    [Test]
    public void The_text_of_a_symbolic_link_is_refused()
    {
        var link = Link("a.pid", _directory.Write("other", "1"));

        Assert.Throws<IOException>(() => SafeFile.ReadTextOrNull(link, 100));
    }

    // ---- creating

    [Test]
    public void A_new_file_is_created_with_the_given_permissions()
    {
        var path = PathOf("private");

        SafeFile.CreateNew(path, SafeFile.Private).Dispose();

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void An_existing_name_is_not_created_again()
    {
        var path = _directory.Write("taken", "old");

        Assert.Throws<IOException>(() => SafeFile.CreateNew(path));
    }

    [Test]
    public void An_existing_file_is_left_untouched_when_its_name_is_refused()
    {
        var path = _directory.Write("taken", "old");

        Assert.Throws<IOException>(() => SafeFile.CreateNew(path));

        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
    }

    [Test]
    public void A_planted_link_to_a_missing_file_is_not_followed_on_creation()
    {
        var target = PathOf("created-through-link");
        var link = Link("new", target);

        Assert.Throws<IOException>(() => SafeFile.CreateNew(link));

        Assert.That(File.Exists(target), Is.False);
    }

    // ---- appending

    [Test]
    public void OpenAppend_creates_a_missing_file()
    {
        var path = PathOf("job_error.log");

        using (var log = SafeFile.OpenAppend(path))
            log.Write("one\n"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("one\n"));
    }

    [Test]
    public void OpenAppend_adds_to_the_end()
    {
        var path = _directory.Write("job_error.log", "one\n");

        using (var log = SafeFile.OpenAppend(path))
            log.Write("two\n"u8);

        Assert.That(File.ReadAllText(path), Is.EqualTo("one\ntwo\n"));
    }

    [Test]
    public void OpenAppend_creates_a_private_file()
    {
        var path = PathOf("job_error.log");

        SafeFile.OpenAppend(path).Dispose();

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void OpenAppend_refuses_a_symbolic_link()
    {
        var link = Link("job_error.log", _directory.Write("victim", "original"));

        Assert.Throws<IOException>(() => SafeFile.OpenAppend(link));
    }

    [Test]
    public void OpenAppend_leaves_the_target_of_a_symbolic_link_untouched()
    {
        var victim = _directory.Write("victim", "original");
        var link = Link("job_error.log", victim);

        Assert.Throws<IOException>(() => SafeFile.OpenAppend(link).Write(Encoding.UTF8.GetBytes("appended")));

        Assert.That(File.ReadAllText(victim), Is.EqualTo("original"));
    }

    [Test]
    public void OpenAppend_refuses_a_fifo_without_waiting_for_a_reader()
    {
        var fifo = Fifo("pipe");

        Assert.That(FailureWithoutWaiting(() => SafeFile.OpenAppend(fifo).Dispose()), Is.InstanceOf<IOException>());
    }
}
