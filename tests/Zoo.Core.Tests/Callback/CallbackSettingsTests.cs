using Zoo.Core.Callback;
using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Callback;

/// <summary>CallbackSettings.From: main.cfg's [callback] section.</summary>
public class CallbackSettingsTests
{
    private static CallbackSettings? Settings(string section) => CallbackSettings.From(TestRequests.Config("[main]\n" + section));

    [Test]
    public void Without_a_url_there_is_no_callback()
    {
        Assert.That(Settings("[callback]\nprohibited=FinalizeHPC\n"), Is.Null);
    }

    [Test]
    public void The_timeout_is_ten_seconds_unless_set()
    {
        Assert.That(Settings("[callback]\nurl=http://h/cb/\n")!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void The_timeout_is_read_in_seconds()
    {
        Assert.That(Settings("[callback]\nurl=http://h/cb/\ntimeout=2.5\n")!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("ten")]
    public void A_timeout_that_is_not_a_positive_number_is_an_operator_error(string timeout)
    {
        Assert.Throws<ConfigurationException>(() => Settings($"[callback]\nurl=http://h/cb/\ntimeout={timeout}\n"));
    }

    [Test]
    public void Every_prohibited_service_is_prohibited_not_only_the_first()
    {
        var settings = Settings("[callback]\nurl=http://h/cb/\nprohibited=FinalizeHPC,Xml2Pdf,DeleteData\n")!;

        Assert.That(new[] { "FinalizeHPC", "Xml2Pdf", "DeleteData", "HelloPy" }.Select(settings.Allows), Is.EqualTo(new[] { false, false, false, true }));
    }

    [Test]
    public void Prohibited_names_match_exactly()
    {
        var settings = Settings("[callback]\nurl=http://h/cb/\nprohibited=FinalizeHPC\n")!;

        Assert.That(new[] { "finalizehpc", "FinalizeHPC1" }.Select(settings.Allows), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void A_step_goes_to_the_url_followed_by_step_underscore_state_slash()
    {
        var settings = Settings("[callback]\nurl=http://zookernel/cgi-bin/callback.py?step=\n")!;

        Assert.That(settings.UrlFor(new CallbackCall(CallbackStep.Submission, CallbackState.Ended, "{}")),
            Is.EqualTo("http://zookernel/cgi-bin/callback.py?step=4_1/"));
    }

    [Test]
    public void The_template_is_the_stylesheet_path()
    {
        Assert.That(Settings("[callback]\nurl=http://h/\ntemplate=/etc/zoo/updateExecute.xsl\n")!.Template, Is.EqualTo("/etc/zoo/updateExecute.xsl"));
    }

    [Test]
    public void A_relative_template_lies_beside_main_cfg()
    {
        Assert.That(Settings("[callback]\nurl=http://h/\ntemplate=updateExecute.xsl\n")!.Template, Is.EqualTo("/srv/zoo/updateExecute.xsl"));
    }
}
