using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Tests.Remote;

public class LocalUserTests
{
    private const string Passwd = """
        root:x:0:0:root:/root:/bin/bash
        # not a user
        www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
        broken:x:34
        zoo:x:1001:1001:ZOO kernel,,,:/srv/zoo:/bin/sh
        """;

    [TestCase(0u, "/root")]
    [TestCase(33u, "/var/www")]
    [TestCase(1001u, "/srv/zoo")]
    public void The_home_is_the_passwd_entry_of_the_uid(uint uid, string home)
    {
        Assert.That(LocalUser.FindHome(Passwd, uid), Is.EqualTo(home));
    }

    [Test]
    public void An_unknown_uid_has_no_home()
    {
        Assert.That(LocalUser.FindHome(Passwd, 34), Is.Null);
        Assert.That(LocalUser.FindHome(Passwd, 4242), Is.Null);
    }

    [Test]
    public void The_effective_uid_is_the_second_number_of_the_Uid_line()
    {
        Assert.That(LocalUser.ParseEffectiveUid("Name:\tzoo\nUid:\t1000\t33\t33\t33\nGid:\t0\t0\t0\t0\n"), Is.EqualTo(33u));
        Assert.That(LocalUser.ParseEffectiveUid("Name:\tzoo\n"), Is.Null);
    }

    [Test]
    public void The_default_known_hosts_files_are_those_ssh_reads()
    {
        var files = LocalUser.DefaultKnownHostsFiles();

        Assert.That(files, Does.Contain("/etc/ssh/ssh_known_hosts"));
        if (LocalUser.HomeDirectory() is { } home)
            Assert.That(files[0], Is.EqualTo(Path.Combine(home, ".ssh", "known_hosts")));
    }

    [Test]
    public void On_Linux_the_home_comes_from_passwd_not_HOME()
    {
        var uid = OperatingSystem.IsLinux() ? LocalUser.EffectiveUid() : null;
        if (uid is null)
            Assert.Ignore("needs /proc/self/status");
        var expected = LocalUser.FindHome(File.ReadAllText("/etc/passwd"), uid!.Value);
        if (expected is null)
            Assert.Ignore("the test user has no /etc/passwd entry");

        Assert.That(LocalUser.HomeDirectory(), Is.EqualTo(expected));
    }
}
