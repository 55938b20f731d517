using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration;

public class MainConfigTests
{
    [Test]
    public void The_default_version_is_1_0_0()
    {
        var config = TestRequests.Config("[main]\ntmpPath=/tmp\n");

        Assert.That(config.DefaultVersion, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void The_configured_version_is_used()
    {
        var config = TestRequests.Config("[main]\nversion=2.0.0\n");

        Assert.That(config.DefaultVersion, Is.EqualTo("2.0.0"));
    }

    [Test]
    public void The_default_encoding_is_utf_8()
    {
        var config = TestRequests.Config("[main]\ntmpPath=/tmp\n");

        Assert.That(config.Encoding, Is.EqualTo("utf-8"));
    }

    [Test]
    public void The_default_language_is_en_US()
    {
        var config = TestRequests.Config("[main]\ntmpPath=/tmp\n");

        Assert.That(config.DefaultLanguage, Is.EqualTo("en-US"));
    }

    [Test]
    public void The_lang_list_is_split_on_commas_in_order()
    {
        var config = TestRequests.Config("[main]\nlang=fr-FR,en-CA,en-US\n");

        Assert.That(config.Languages, Is.EqualTo(new[] { "fr-FR", "en-CA", "en-US" }));
    }

    [Test]
    public void Without_lang_the_default_language_is_the_only_one()
    {
        var config = TestRequests.Config("[main]\nlanguage=fr-FR\n");

        Assert.That(config.Languages, Is.EqualTo(new[] { "fr-FR" }));
    }

    [Test]
    public void An_empty_lang_list_offers_the_default_language()
    {
        var config = TestRequests.Config("[main]\nlanguage=fr-FR\nlang=\n");

        Assert.That(config.Languages, Is.EqualTo(new[] { "fr-FR" }));
    }

    [Test]
    public void The_service_path_is_the_configured_one()
    {
        var config = TestRequests.Config("[main]\nservicePath=/opt/services\n");

        Assert.That(config.ServicePath, Is.EqualTo("/opt/services"));
    }

    [Test]
    public void Without_servicePath_the_services_are_beside_main_cfg()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("main.cfg", "[main]\nversion=1.0.0\n");

        var config = MainConfig.Load(path);

        Assert.That(config.ServicePath, Is.EqualTo(directory.Path));
    }

    [Test]
    public void An_empty_servicePath_falls_back_to_the_directory_of_main_cfg()
    {
        var config = TestRequests.Config("[main]\nservicePath=\n", "/srv/zoo/cgi-bin/main.cfg");

        Assert.That(config.ServicePath, Is.EqualTo("/srv/zoo/cgi-bin"));
    }

    [Test]
    public void The_shipped_main_cfg_is_read()
    {
        var config = MainConfig.Load(Path.Combine(RepositoryRoot.CgiEnv, MainConfig.FileName));

        Assert.That(config.Languages, Is.EqualTo(new[] { "fr-FR", "en-CA", "en-US" }));
    }
}
