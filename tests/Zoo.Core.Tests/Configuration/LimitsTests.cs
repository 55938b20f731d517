using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration;

public class LimitsTests
{
    private static Limits From(string mainCfg) => Limits.From(TestRequests.Config(mainCfg));

    private static Limits WithMain(string key, string value) => From($"[main]\n{key} = {value}\n");

    private static string ErrorOf(string mainCfg) =>
        Assert.Throws<ConfigurationException>(() => From(mainCfg))!.Message;

    // ---- defaults

    [Test]
    public void The_largest_body_is_64_MiB_by_default()
    {
        Assert.That(Limits.Defaults.MaxRequestBytes, Is.EqualTo(67_108_864));
    }

    [Test]
    public void The_largest_query_is_1_MiB_by_default()
    {
        Assert.That(Limits.Defaults.MaxQueryBytes, Is.EqualTo(1_048_576));
    }

    [Test]
    public void The_deepest_xml_is_256_levels_by_default()
    {
        Assert.That(Limits.Defaults.MaxXmlDepth, Is.EqualTo(256));
    }

    [Test]
    public void The_longest_xml_token_is_1_MiB_by_default()
    {
        Assert.That(Limits.Defaults.MaxXmlTokenBytes, Is.EqualTo(1_048_576));
    }

    [Test]
    public void At_most_100_identifiers_1000_inputs_and_100_outputs_by_default()
    {
        Assert.That((Limits.Defaults.MaxIdentifiers, Limits.Defaults.MaxInputs, Limits.Defaults.MaxOutputs), Is.EqualTo((100, 1000, 100)));
    }

    [Test]
    public void An_input_may_bring_64_megabytes_by_default()
    {
        Assert.That(Limits.Defaults.MaximumMegabytes, Is.EqualTo(64.0));
    }

    [Test]
    public void A_download_takes_at_most_60_seconds_512_MiB_and_3_redirects_by_default()
    {
        Assert.That((Limits.Defaults.FetchTimeout, Limits.Defaults.FetchMaxBytes, Limits.Defaults.FetchMaxRedirects),
            Is.EqualTo((TimeSpan.FromSeconds(60), 536_870_912L, 3)));
    }

    [Test]
    public void A_service_runs_at_most_300_seconds_by_default()
    {
        Assert.That(Limits.Defaults.ServiceTimeout, Is.EqualTo(TimeSpan.FromSeconds(300)));
    }

    [Test]
    public void Ssh_connects_within_30_seconds_and_runs_a_command_within_300_by_default()
    {
        Assert.That((Limits.Defaults.SshConnectTimeout, Limits.Defaults.SshCommandTimeout),
            Is.EqualTo((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300))));
    }

    [Test]
    public void A_main_cfg_without_any_limit_gives_the_defaults()
    {
        Assert.That(From(TestRequests.ExampleMainCfg), Is.EqualTo(Limits.Defaults));
    }

    [Test]
    public void A_blank_value_gives_the_default()
    {
        Assert.That(WithMain("maxInputs", "").MaxInputs, Is.EqualTo(1000));
    }

    // ---- each key

    [Test]
    public void MaxRequestBytes_is_read_from_main()
    {
        Assert.That(WithMain("maxRequestBytes", "2048").MaxRequestBytes, Is.EqualTo(2048));
    }

    [Test]
    public void MaxQueryBytes_is_read_from_main()
    {
        Assert.That(WithMain("maxQueryBytes", "4096").MaxQueryBytes, Is.EqualTo(4096));
    }

    [Test]
    public void MaxXmlDepth_is_read_from_main()
    {
        Assert.That(WithMain("maxXmlDepth", "32").MaxXmlDepth, Is.EqualTo(32));
    }

    [Test]
    public void MaxXmlTokenBytes_is_read_from_main()
    {
        Assert.That(WithMain("maxXmlTokenBytes", "65536").MaxXmlTokenBytes, Is.EqualTo(65536));
    }

    [Test]
    public void MaxIdentifiers_is_read_from_main()
    {
        Assert.That(WithMain("maxIdentifiers", "5").MaxIdentifiers, Is.EqualTo(5));
    }

    [Test]
    public void MaxInputs_is_read_from_main()
    {
        Assert.That(WithMain("maxInputs", "20").MaxInputs, Is.EqualTo(20));
    }

    [Test]
    public void MaxOutputs_is_read_from_main()
    {
        Assert.That(WithMain("maxOutputs", "7").MaxOutputs, Is.EqualTo(7));
    }

    [Test]
    public void MaximumMegabytes_is_read_from_main_with_a_fraction()
    {
        Assert.That(WithMain("maximumMegabytes", "0.5").MaximumMegabytes, Is.EqualTo(0.5));
    }

    [Test]
    public void FetchTimeout_is_read_from_main_in_seconds()
    {
        Assert.That(WithMain("fetchTimeout", "2.5").FetchTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public void FetchMaxBytes_is_read_from_main()
    {
        Assert.That(WithMain("fetchMaxBytes", "1000000").FetchMaxBytes, Is.EqualTo(1_000_000));
    }

    [Test]
    public void FetchMaxRedirects_is_read_from_main()
    {
        Assert.That(WithMain("fetchMaxRedirects", "5").FetchMaxRedirects, Is.EqualTo(5));
    }

    [Test]
    public void FetchMaxRedirects_may_be_zero()
    {
        Assert.That(WithMain("fetchMaxRedirects", "0").FetchMaxRedirects, Is.Zero);
    }

    [Test]
    public void The_service_timeout_is_read_from_the_python_section()
    {
        Assert.That(From("[main]\n[python]\ntimeout = 42\n").ServiceTimeout, Is.EqualTo(TimeSpan.FromSeconds(42)));
    }

    [Test]
    public void A_value_with_blanks_around_it_is_read()
    {
        Assert.That(From("[main]\nmaxInputs =  20  \n").MaxInputs, Is.EqualTo(20));
    }

    [Test]
    public void A_key_of_another_section_is_not_a_limit()
    {
        Assert.That(From("[main]\n[other]\nmaxInputs = 20\n").MaxInputs, Is.EqualTo(1000));
    }

    // ---- invalid values

    [TestCase("maxRequestBytes", "0")]
    [TestCase("maxRequestBytes", "-1")]
    [TestCase("maxRequestBytes", "abc")]
    [TestCase("maxQueryBytes", "0")]
    [TestCase("maxQueryBytes", "-1")]
    [TestCase("maxQueryBytes", "abc")]
    [TestCase("maxQueryBytes", "4294967296")]
    [TestCase("maxXmlDepth", "0")]
    [TestCase("maxXmlDepth", "-1")]
    [TestCase("maxXmlDepth", "abc")]
    [TestCase("maxXmlDepth", "100001")]
    [TestCase("maxXmlTokenBytes", "0")]
    [TestCase("maxXmlTokenBytes", "-1")]
    [TestCase("maxXmlTokenBytes", "abc")]
    [TestCase("maxXmlTokenBytes", "1023")]
    [TestCase("maxIdentifiers", "0")]
    [TestCase("maxIdentifiers", "-1")]
    [TestCase("maxIdentifiers", "abc")]
    [TestCase("maxInputs", "0")]
    [TestCase("maxInputs", "-1")]
    [TestCase("maxInputs", "abc")]
    [TestCase("maxInputs", "2.5")]
    [TestCase("maxOutputs", "0")]
    [TestCase("maxOutputs", "-1")]
    [TestCase("maxOutputs", "abc")]
    [TestCase("maximumMegabytes", "0")]
    [TestCase("maximumMegabytes", "-1")]
    [TestCase("maximumMegabytes", "abc")]
    [TestCase("maximumMegabytes", "Infinity")]
    [TestCase("maximumMegabytes", "NaN")]
    [TestCase("fetchTimeout", "0")]
    [TestCase("fetchTimeout", "-1")]
    [TestCase("fetchTimeout", "abc")]
    [TestCase("fetchMaxBytes", "0")]
    [TestCase("fetchMaxBytes", "-1")]
    [TestCase("fetchMaxBytes", "abc")]
    [TestCase("fetchMaxRedirects", "-1")]
    [TestCase("fetchMaxRedirects", "abc")]
    [TestCase("fetchMaxRedirects", "101")]
    public void An_invalid_value_is_a_configuration_error_naming_the_key(string key, string value)
    {
        Assert.That(ErrorOf($"[main]\n{key} = {value}\n"), Does.Contain($" {key} must be "));
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("2592001")]
    public void An_invalid_python_timeout_is_a_configuration_error_naming_the_key(string value)
    {
        Assert.That(ErrorOf($"[main]\n[python]\ntimeout = {value}\n"), Does.Contain(" timeout must be "));
    }

    [Test]
    public void The_error_names_the_file_the_key_what_it_must_be_and_what_was_found()
    {
        Assert.That(ErrorOf("[main]\nmaxInputs = 0\n"),
            Is.EqualTo("/srv/zoo/main.cfg: maxInputs must be a whole number from 1, found \"0\""));
    }

    [Test]
    public void The_error_for_a_real_number_says_it_must_be_positive()
    {
        Assert.That(ErrorOf("[main]\nmaximumMegabytes = abc\n"),
            Is.EqualTo("/srv/zoo/main.cfg: maximumMegabytes must be a positive number, found \"abc\""));
    }

    // ---- megabytes to bytes

    [Test]
    public void Half_a_megabyte_is_512_KiB()
    {
        Assert.That(Limits.BytesOf(0.5), Is.EqualTo(524_288));
    }

    [Test]
    public void A_huge_number_of_megabytes_does_not_overflow()
    {
        Assert.That(Limits.BytesOf(1e300), Is.EqualTo(4_611_686_018_427_387_904L));
    }
}
