using Zoo.Core.Configuration.Checking;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.Configuration.Checking;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class UserAccessRightsTests
{
    /// <summary>The owner of the file, made someone other than root (whom no bits stop) when the tests run as root.</summary>
    private static UserAccount OwnerOf(string path)
    {
        if (Zoo.Core.Files.Posix.Ownership(path)!.Value.Owner == 0)
            ExternalTool.Check("chown", [$"{Accounts.StrangerId + 10}", path], "coreutils");
        var owner = Zoo.Core.Files.Posix.Ownership(path)!.Value.Owner;
        return new UserAccount("owner", owner, Accounts.StrangerId + 11, new HashSet<uint> { Accounts.StrangerId + 11 });
    }

    private static void Mode(string path, int mode) => File.SetUnixFileMode(path, (UnixFileMode)mode);

    [Test]
    public void The_bits_for_others_apply_to_a_stranger()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("f", "");
        Mode(file, 0b110_110_100);

        var rights = new UserAccessRights(Accounts.Stranger);

        Assert.That((rights.CanRead(file), rights.CanWriteIn(directory.Path)), Is.EqualTo((true, false)));
    }

    [Test]
    public void The_group_bits_apply_to_a_member_of_the_file_group()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("f", "");
        Mode(file, 0b110_100_000);

        Assert.That(new UserAccessRights(Accounts.GroupMember(file)).CanRead(file), Is.True);
    }

    [Test]
    public void The_owner_bits_apply_to_the_owner_even_when_others_may_do_more()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("f", "");
        Mode(file, 0b000_100_100);

        Assert.That(new UserAccessRights(OwnerOf(file)).CanRead(file), Is.False);
    }

    [Test]
    public void A_directory_above_that_cannot_be_searched_hides_what_is_in_it()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("inner/f", "");
        Mode(file, 0b110_110_110);
        Mode(Path.Combine(directory.Path, "inner"), 0b111_111_110);

        Assert.That(new UserAccessRights(Accounts.Stranger).CanRead(file), Is.False);
    }

    [Test]
    public void Writing_in_a_directory_needs_the_search_bit_too()
    {
        using var directory = new TempDirectory();
        var inner = directory.CreateDirectory("inner");
        Mode(inner, 0b111_111_110);

        Assert.That(new UserAccessRights(Accounts.Stranger).CanWriteIn(inner), Is.False);
    }

    [Test]
    public void Root_may_read_and_write_whatever_the_bits()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("f", "");
        Mode(file, 0);
        Mode(directory.Path, 0);
        var root = new UserAccount("root", 0, 0, new HashSet<uint> { 0 });

        Assert.That((new UserAccessRights(root).CanRead(file), new UserAccessRights(root).CanWriteIn(directory.Path)), Is.EqualTo((true, true)));
    }

    [Test]
    public void Root_may_not_run_a_file_no_one_may_run()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("f", "");
        Mode(file, 0b110_110_110);
        var root = new UserAccount("root", 0, 0, new HashSet<uint> { 0 });

        Assert.That(new UserAccessRights(root).CanExecute(file), Is.False);
    }

    [Test]
    public void A_path_that_does_not_exist_allows_nothing()
    {
        using var directory = new TempDirectory();

        Assert.That(new UserAccessRights(Accounts.Stranger).CanRead(Path.Combine(directory.Path, "none")), Is.False);
    }
}
