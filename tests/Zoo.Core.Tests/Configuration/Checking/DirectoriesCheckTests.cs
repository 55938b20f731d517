using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class DirectoriesCheckTests
{
    [Test]
    public void Without_tmpPath_the_install_does_not_work()
    {
        using var install = new CheckedInstall();
        install.WriteMain($"[main]\ntmpUrl=http://wps.example.org/temp/\ncacheDir={install.CacheDir}\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:1: error: [main] tmpPath: is missing: "
                                        + "asynchronous jobs, inputs given by value and outputs asked for by reference are written there"));
    }

    [Test]
    public void A_tmpPath_that_does_not_exist_is_an_error_at_its_line()
    {
        using var install = new CheckedInstall();
        Directory.Delete(install.TmpPath);

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:3: error: [main] tmpPath: {install.TmpPath} does not exist"));
    }

    [Test]
    public void A_cacheDir_that_is_a_file_is_an_error()
    {
        using var install = new CheckedInstall();
        Directory.Delete(install.CacheDir);
        install.Write("cache", "");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:5: error: [main] cacheDir: {install.CacheDir} is a file, not a directory"));
    }

    [Test]
    public void A_tmpPath_the_web_server_user_cannot_write_in_is_an_error()
    {
        using var install = new CheckedInstall();
        File.SetUnixFileMode(install.TmpPath, (UnixFileMode)0b111_101_101);

        var lines = install.Lines(new UserAccessRights(Accounts.Stranger));

        Assert.That(lines, Does.Contain($"{install.MainCfg}:3: error: [main] tmpPath: stranger cannot write in {install.TmpPath}"));
    }

    [Test]
    public void A_tmpPath_writable_by_the_group_of_the_web_server_user_is_fine()
    {
        using var install = new CheckedInstall();
        File.SetUnixFileMode(install.TmpPath, (UnixFileMode)0b111_111_000);
        File.SetUnixFileMode(install.Root, (UnixFileMode)0b111_101_101);

        var lines = install.Lines(new UserAccessRights(Accounts.GroupMember(install.TmpPath)));

        Assert.That(lines, Has.None.Contains("[main] tmpPath"));
    }

    [Test]
    public void A_missing_dataPath_that_can_be_created_is_only_a_notice()
    {
        using var install = new CheckedInstall();
        Directory.Delete(Path.Combine(install.Root, "data"));

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:6: notice: [main] dataPath: {install.Root}/data does not exist yet: "
                                        + "the kernel creates it when it first publishes an output"));
    }

    [Test]
    public void A_missing_dataPath_the_web_server_user_cannot_create_is_an_error()
    {
        using var install = new CheckedInstall();
        Directory.Delete(Path.Combine(install.Root, "data"));
        File.SetUnixFileMode(install.Root, (UnixFileMode)0b111_101_101);

        var lines = install.Lines(new UserAccessRights(Accounts.Stranger));

        Assert.That(lines, Does.Contain($"{install.MainCfg}:6: error: [main] dataPath: {install.Root}/data does not exist, and stranger cannot create it in {install.Root}"));
    }

    [Test]
    public void Publishing_through_MapServer_without_dataPath_is_a_warning()
    {
        using var install = new CheckedInstall();
        install.WriteMain($"[main]\ntmpPath={install.TmpPath}\ntmpUrl=http://wps.example.org/temp/\nmapserverAddress=http://wps.example.org/cgi-bin/mapserv\n");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:1: warning: [main] dataPath: is missing while mapserverAddress is set: "
                                        + "every output published through MapServer (useMapserver=true) fails"));
    }

    [Test]
    public void A_cacheDir_others_may_write_in_turns_the_header_cache_off_and_says_so()
    {
        using var install = new CheckedInstall();
        File.SetUnixFileMode(install.CacheDir, (UnixFileMode)0b111_111_111);

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:5: notice: [main] cacheDir: {install.CacheDir} is writable by its group or by others: "
                                        + "the kernel keeps no cache of the services' headers there"));
    }

    [Test]
    public void A_relative_tmpPath_is_taken_from_the_directory_of_main_cfg()
    {
        using var install = new CheckedInstall();
        install.WriteMain($"[main]\ntmpPath=tmp\ntmpUrl=http://wps.example.org/temp/\ncacheDir={install.CacheDir}\n");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("[main] tmpPath"));
    }
}
