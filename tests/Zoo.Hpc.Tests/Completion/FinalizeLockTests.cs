using Zoo.Hpc.Completion;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Completion;

[TestFixture]
public sealed class FinalizeLockTests
{
    private const string Usid = "0191c2a4-5d6e-7f80-9a1b-2c3d4e5f6a7b";

    [Test]
    public void The_lock_file_is_hidden_in_tmpPath_and_named_after_the_job() =>
        Assert.That(FinalizeLock.PathFor("/var/zoo/tmp", Usid), Is.EqualTo($"/var/zoo/tmp/.finalize_{Usid}.lock"));

    [Test]
    public void A_second_holder_is_refused_while_the_first_holds_it()
    {
        using var directory = new TempDirectory();
        var path = FinalizeLock.PathFor(directory.Path, Usid);
        using var first = FinalizeLock.TryAcquire(path)!;

        using var second = FinalizeLock.TryAcquire(path);

        Assert.That(second, Is.Null);
    }

    [Test]
    public void The_lock_is_free_again_once_released()
    {
        using var directory = new TempDirectory();
        var path = FinalizeLock.PathFor(directory.Path, Usid);
        FinalizeLock.TryAcquire(path)!.Dispose();

        using var again = FinalizeLock.TryAcquire(path);

        Assert.That(again, Is.Not.Null);
    }

    [Test]
    public void The_lock_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var directory = new TempDirectory();
        var path = FinalizeLock.PathFor(directory.Path, Usid);

        using (FinalizeLock.TryAcquire(path))
            Assert.That(File.GetUnixFileMode(path) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite), Is.EqualTo(UnixFileMode.None));
    }

    [Test]
    public void A_link_planted_at_the_lock_file_name_is_not_followed()
    {
        using var directory = new TempDirectory();
        var victim = directory.Write("victim.txt", "untouched");
        var path = FinalizeLock.PathFor(directory.Path, Usid);
        File.CreateSymbolicLink(path, victim);

        Assert.Throws<IOException>(() => FinalizeLock.TryAcquire(path));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("untouched"));
    }
}
