using Zoo.Hpc.Completion;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Completion;

public class MaildirTests
{
    private TempDirectory _root = null!;
    private Maildir _maildir = null!;

    [SetUp]
    public void CreateMaildir()
    {
        _root = new TempDirectory();
        foreach (var folder in new[] { "tmp", "new", "cur" })
            Directory.CreateDirectory(_root.PathOf(folder));
        _maildir = new Maildir(_root.Path);
    }

    [TearDown]
    public void RemoveMaildir() => _root.Dispose();

    private MaildirMessage Deliver(string name, string content = "Subject: x\n\n")
    {
        var path = _root.Write(Path.Combine("new", name), content);
        return new MaildirMessage(path, name);
    }

    private string[] FilesIn(string folder) => Directory.Exists(_root.PathOf(folder))
        ? Directory.GetFiles(_root.PathOf(folder)).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToArray()
        : [];

    [Test]
    public void New_messages_come_oldest_first_by_name()
    {
        Deliver("1795636537.P14685R1641917051.vm");
        Deliver("1795636401.P11188R1459611675.vm");
        Deliver("1795636401.P9R1.vm");

        Assert.That(_maildir.NewMessages().Select(m => m.Name),
            Is.EqualTo(new[] { "1795636401.P11188R1459611675.vm", "1795636401.P9R1.vm", "1795636537.P14685R1641917051.vm" }));
    }

    [Test]
    public void A_new_message_has_the_full_path_of_its_file()
    {
        var delivered = Deliver("1795636401.P1R1.vm");

        Assert.That(_maildir.NewMessages(), Is.EqualTo(new[] { delivered }));
    }

    [Test]
    public void Dot_files_directories_and_mails_outside_new_are_not_new_messages()
    {
        Deliver(".1795636401.P1R1.vm.lock");
        Directory.CreateDirectory(_root.PathOf("new/subfolder"));
        _root.Write("tmp/1795636402.P2R2.vm", "being delivered");
        _root.Write("cur/1795636403.P3R3.vm:2,S", "already read");

        Assert.That(_maildir.NewMessages(), Is.Empty);
    }

    [Test]
    public void A_maildir_nothing_was_delivered_to_yet_has_no_new_messages()
    {
        Assert.That(new Maildir(_root.PathOf("never-created")).NewMessages(), Is.Empty);
    }

    [Test]
    public void A_handled_message_moves_to_cur_marked_seen()
    {
        var message = Deliver("1795636401.P1R1.vm", "the mail");

        _maildir.MarkHandled(message);

        Assert.That((FilesIn("new"), FilesIn("cur"), File.ReadAllText(_root.PathOf("cur/1795636401.P1R1.vm:2,S"))),
            Is.EqualTo((Array.Empty<string>(), new[] { "1795636401.P1R1.vm:2,S" }, "the mail")));
    }

    [Test]
    public void A_failed_message_moves_to_failed_with_its_reason_beside_it()
    {
        var message = Deliver("1795636401.P1R1.vm", "the mail");

        _maildir.MarkFailed(message, "not a Slurm mail");

        Assert.That((FilesIn("new"), FilesIn("failed"), File.ReadAllText(_root.PathOf("failed/1795636401.P1R1.vm.reason"))),
            Is.EqualTo((Array.Empty<string>(), new[] { "1795636401.P1R1.vm", "1795636401.P1R1.vm.reason" }, "not a Slurm mail\n")));
    }

    [Test]
    public void Marking_a_message_another_process_already_moved_is_not_an_error()
    {
        var message = Deliver("1795636401.P1R1.vm");
        new Maildir(_root.Path).MarkHandled(message);

        Assert.That(() => _maildir.MarkHandled(message), Throws.Nothing);
    }

    [Test]
    public void A_failure_of_a_message_another_process_already_moved_leaves_no_reason()
    {
        var message = Deliver("1795636401.P1R1.vm");
        new Maildir(_root.Path).MarkHandled(message);

        _maildir.MarkFailed(message, "too late");

        Assert.That(FilesIn("failed"), Is.Empty);
    }

    [Test]
    public void Two_watchers_racing_over_the_same_messages_move_each_exactly_once()
    {
        var messages = Enumerable.Range(0, 200).Select(i => Deliver($"1795636401.P{i}R{i}.vm")).ToArray();
        using var start = new Barrier(2);

        void Watch(Action<Maildir, MaildirMessage> mark)
        {
            var watcher = new Maildir(_root.Path);
            start.SignalAndWait();
            foreach (var message in messages)
                mark(watcher, message);
        }
        Parallel.Invoke(
            () => Watch((watcher, message) => watcher.MarkHandled(message)),
            () => Watch((watcher, message) => watcher.MarkFailed(message, "lost the race")));

        var handled = FilesIn("cur").Select(name => name[..^":2,S".Length]);
        var failed = FilesIn("failed").Where(name => !name.EndsWith(".reason", StringComparison.Ordinal)).ToArray();
        var reasons = FilesIn("failed").Where(name => name.EndsWith(".reason", StringComparison.Ordinal)).Select(name => name[..^".reason".Length]);
        Assert.That(handled.Concat(failed).Order(StringComparer.Ordinal), Is.EqualTo(messages.Select(m => m.Name).Order(StringComparer.Ordinal)));
        Assert.That(reasons, Is.EquivalentTo(failed));
    }
}
