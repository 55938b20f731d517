using Zoo.Core.Configuration;
using Zoo.Core.Data;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Data;

public class FetchSettingsTests
{
    private static FetchSettings From(string mainCfg, params (string Name, string Value)[] environment) =>
        FetchSettings.From(TestRequests.Config(mainCfg), environment.ToDictionary(e => e.Name, e => e.Value));

    [Test]
    public void Without_settings_the_limits_are_60_seconds_512_MiB_and_3_redirects()
    {
        var settings = From("[main]\ntmpPath=/tmp\n");

        Assert.That((settings.Timeout, settings.MaxBytes, settings.MaxRedirects),
            Is.EqualTo((TimeSpan.FromSeconds(60), 512L * 1024 * 1024, 3)));
    }

    [Test]
    public void The_limits_are_read_from_the_main_section()
    {
        var settings = From("[main]\nfetchTimeout=2.5\nfetchMaxBytes=1000\nfetchMaxRedirects=0\n");

        Assert.That((settings.Timeout, settings.MaxBytes, settings.MaxRedirects),
            Is.EqualTo((TimeSpan.FromSeconds(2.5), 1000L, 0)));
    }

    [TestCase("fetchTimeout=0")]
    [TestCase("fetchTimeout=soon")]
    [TestCase("fetchMaxBytes=-1")]
    [TestCase("fetchMaxRedirects=many")]
    public void An_invalid_limit_is_a_configuration_error(string line)
    {
        Assert.Throws<ConfigurationException>(() => From($"[main]\n{line}\n"));
    }

    [Test]
    public void Without_cacheDir_there_is_no_cache()
    {
        Assert.That(From("[main]\ntmpPath=/tmp\n").CacheDirectory, Is.Null);
    }

    [Test]
    public void The_extra_supported_codes_are_read_as_numbers()
    {
        Assert.That(From("[main]\nextra_supported_codes=404, 400\n").ExtraSupportedCodes, Is.EqualTo(new[] { 404, 400 }));
    }

    [Test]
    public void A_forwarded_header_takes_its_value_from_the_HTTP_variable_of_its_name()
    {
        var settings = From("[security]\nattributes=Authorization,X-Api-Key\nhosts=example.org\n",
            ("HTTP_AUTHORIZATION", "Bearer t"), ("HTTP_X_API_KEY", "k1"));

        Assert.That(settings.ForwardedHeaders, Is.EqualTo(new[]
        {
            KeyValuePair.Create("Authorization", "Bearer t"), KeyValuePair.Create("X-Api-Key", "k1"),
        }));
    }

    [Test]
    public void A_header_absent_from_the_request_is_not_forwarded()
    {
        var settings = From("[security]\nattributes=Authorization,Cookie\nhosts=*\n", ("HTTP_COOKIE", "id=1"));

        Assert.That(settings.ForwardedHeaders, Is.EqualTo(new[] { KeyValuePair.Create("Cookie", "id=1") }));
    }

    [Test]
    public void Attributes_without_hosts_forward_nothing()
    {
        var settings = From("[security]\nattributes=Authorization\n", ("HTTP_AUTHORIZATION", "Bearer t"));

        Assert.That(settings.ForwardedHeaders, Is.Empty);
    }

    [Test]
    public void The_shared_prefixes_are_read_from_the_security_section()
    {
        Assert.That(From("[security]\nshared=https://a.org/pub/,https://b.org/\n").SharedPrefixes,
            Is.EqualTo(new[] { "https://a.org/pub/", "https://b.org/" }));
    }

    [Test]
    public void An_absolute_tmpUrl_is_kept()
    {
        Assert.That(From("[main]\ntmpUrl=https://zoo.example.org/temp/\n").TmpUrl,
            Is.EqualTo(new Uri("https://zoo.example.org/temp/")));
    }

    [Test]
    public void A_relative_tmpUrl_is_resolved_against_the_service_address()
    {
        var settings = From("[main]\ntmpUrl=/temp/\n",
            ("SERVER_NAME", "zoo.example.org"), ("SERVER_PORT", "80"), ("SCRIPT_NAME", "/cgi-bin/zoo_loader.cgi"));

        Assert.That(settings.TmpUrl, Is.EqualTo(new Uri("http://zoo.example.org/temp/")));
    }

    [Test]
    public void The_text_of_the_settings_never_shows_a_forwarded_value()
    {
        var settings = From("[security]\nattributes=Authorization\nhosts=*\n", ("HTTP_AUTHORIZATION", "Bearer s3cret"));

        Assert.That(settings.ToString(), Does.Not.Contain("s3cret"));
    }
}
