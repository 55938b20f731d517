namespace Zoo.Core.Tests.Configuration.Checking;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PythonServicesCheckTests
{
    [Test]
    public void A_Python_service_whose_module_is_nowhere_is_an_error_at_serviceProvider()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Lost.zcfg", "serviceType = Python", "serviceProvider = lost_module_of_the_checker_tests");

        var lines = install.Lines();

        Assert.That(lines, Has.Some.StartsWith($"{file}:4: error: serviceProvider: no Python module lost_module_of_the_checker_tests in {install.Root}"));
    }

    [Test]
    public void The_module_is_found_beside_the_zcfg_of_a_namespace()
    {
        using var install = new CheckedInstall();
        install.WriteService("ns/Near.zcfg", "serviceType = Python", "serviceProvider = near.py");
        install.Write("ns/near.py", "");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("Near.zcfg"));
    }

    [Test]
    public void A_package_in_the_env_PYTHONPATH_is_found()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg($"[env]\nPYTHONPATH=/nowhere:{install.Root}/lib"));
        install.WriteService("Packaged.zcfg", "serviceType = Python", "serviceProvider = tools.packaged");
        install.Write("lib/tools/packaged/__init__.py", "");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("Packaged.zcfg"));
    }

    [Test]
    public void A_module_the_interpreter_imports_from_its_own_path_is_found()
    {
        using var install = new CheckedInstall();
        install.WriteService("Standard.zcfg", "serviceType = Python", "serviceProvider = json");

        var lines = install.Lines();

        Assert.That(lines, Has.None.Contains("Standard.zcfg"));
    }

    [Test]
    public void A_missing_interpreter_is_an_error_at_its_key()
    {
        using var install = new CheckedInstall();
        install.WriteMain(install.WorkingMainCfg("[python]\ninterpreter=/opt/nowhere/python3"));
        install.WriteService("Hello.zcfg", "serviceType = Python", "serviceProvider = hello");
        install.Write("hello.py", "");

        var lines = install.Lines();

        Assert.That(lines, Does.Contain($"{install.MainCfg}:8: error: [python] interpreter: /opt/nowhere/python3 does not exist: every Python service fails"));
    }

    [Test]
    public void A_module_the_web_server_user_cannot_read_is_an_error()
    {
        using var install = new CheckedInstall();
        var file = install.WriteService("Secret.zcfg", "serviceType = Python", "serviceProvider = secret");
        var module = install.Write("secret.py", "");
        File.SetUnixFileMode(module, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var lines = install.Lines(new Zoo.Core.Configuration.Checking.UserAccessRights(Accounts.Stranger));

        Assert.That(lines, Does.Contain($"{file}:4: error: serviceProvider: stranger cannot read {module}"));
    }
}
