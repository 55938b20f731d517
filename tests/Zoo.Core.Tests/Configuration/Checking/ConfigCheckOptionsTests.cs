using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

public class ConfigCheckOptionsTests
{
    [Test]
    public void Without_arguments_main_cfg_is_looked_for_and_everything_is_checked()
    {
        var options = ConfigCheckOptions.Parse([], out _);

        Assert.That(options, Is.EqualTo(new ConfigCheckOptions(null, false, false, null, false)));
    }

    [Test]
    public void The_options_may_come_in_any_order_around_the_file()
    {
        var options = ConfigCheckOptions.Parse(["--json", "/srv/zoo/main.cfg", "--user", "www-data", "--offline"], out _);

        Assert.That(options, Is.EqualTo(new ConfigCheckOptions("/srv/zoo/main.cfg", true, true, "www-data", false)));
    }

    [TestCase(new[] { "--verbose" }, "unknown option --verbose")]
    [TestCase(new[] { "--user" }, "--user needs a user name")]
    [TestCase(new[] { "--user", "--json" }, "--user needs a user name")]
    [TestCase(new[] { "a/main.cfg", "b/main.cfg" }, "one main.cfg at a time: a/main.cfg and b/main.cfg")]
    public void A_wrong_argument_is_refused_with_the_reason(string[] arguments, string expected)
    {
        var options = ConfigCheckOptions.Parse(arguments, out var error);

        Assert.That((options, error), Is.EqualTo(((ConfigCheckOptions?)null, expected)));
    }
}
