using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Cgi;

public class ServiceUrlTests
{
    private static readonly MainConfig Configured = TestRequests.Config("[main]\nserverAddress=http://public.example.org/wps\n");
    private static readonly MainConfig Proxied = TestRequests.Config("[main]\nserverAddress=http://public.example.org/wps\nproxied=true\n");

    private static string For(MainConfig config, params (string, string)[] environment) =>
        ServiceUrl.For(TestRequests.WithEnvironment(environment), config);

    [Test]
    public void Under_a_web_server_the_address_is_built_from_the_cgi_variables()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "wps.example.org"), ("SERVER_PORT", "80"), ("SCRIPT_NAME", "/cgi-bin/zoo_loader.cgi")),
            Is.EqualTo("http://wps.example.org/cgi-bin/zoo_loader.cgi"));
    }

    [Test]
    public void Port_443_over_https_is_left_out()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "wps.example.org"), ("SERVER_PORT", "443"), ("HTTPS", "on"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("https://wps.example.org/zoo"));
    }

    [Test]
    public void Https_is_recognised_by_a_value_starting_with_on()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "443"), ("HTTPS", "ON"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("https://h/zoo"));
    }

    [Test]
    public void Https_off_is_http()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "80"), ("HTTPS", "off"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("http://h/zoo"));
    }

    [Test]
    public void Port_80_over_https_is_kept()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "80"), ("HTTPS", "on"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("https://h:80/zoo"));
    }

    [Test]
    public void Port_443_over_http_is_kept()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "443"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("http://h:443/zoo"));
    }

    [Test]
    public void Port_8080_is_kept()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "localhost"), ("SERVER_PORT", "8080"), ("SCRIPT_NAME", "/cgi-bin/zoo_loader.cgi")),
            Is.EqualTo("http://localhost:8080/cgi-bin/zoo_loader.cgi"));
    }

    [Test]
    public void Port_8443_over_https_is_kept()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "8443"), ("HTTPS", "on"), ("SCRIPT_NAME", "/zoo")),
            Is.EqualTo("https://h:8443/zoo"));
    }

    [Test]
    public void Without_a_port_none_is_written()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SCRIPT_NAME", "/zoo")), Is.EqualTo("http://h/zoo"));
    }

    [Test]
    public void Without_a_script_name_the_address_is_the_host()
    {
        Assert.That(For(Configured, ("SERVER_NAME", "h"), ("SERVER_PORT", "80")), Is.EqualTo("http://h"));
    }

    [Test]
    public void Without_a_server_name_the_configured_address_is_used()
    {
        Assert.That(For(Configured, ("SERVER_PORT", "8080"), ("SCRIPT_NAME", "/zoo")), Is.EqualTo("http://public.example.org/wps"));
    }

    [Test]
    public void An_empty_server_name_counts_as_none()
    {
        Assert.That(For(Configured, ("SERVER_NAME", ""), ("SCRIPT_NAME", "/zoo")), Is.EqualTo("http://public.example.org/wps"));
    }

    [Test]
    public void Proxied_keeps_the_configured_address()
    {
        Assert.That(For(Proxied, ("SERVER_NAME", "internal-host"), ("SERVER_PORT", "8080"), ("SCRIPT_NAME", "/cgi-bin/zoo_loader.cgi")),
            Is.EqualTo("http://public.example.org/wps"));
    }

    [Test]
    public void Proxied_with_an_empty_value_still_keeps_the_configured_address()
    {
        var config = TestRequests.Config("[main]\nserverAddress=http://public.example.org/wps\nproxied=\n");

        Assert.That(For(config, ("SERVER_NAME", "internal-host"), ("SCRIPT_NAME", "/zoo")), Is.EqualTo("http://public.example.org/wps"));
    }

    [Test]
    public void Without_server_name_or_configured_address_the_address_is_not_defined()
    {
        Assert.That(For(TestRequests.Config("[main]\nversion=1.0.0\n")), Is.EqualTo("not_defined"));
    }
}
