using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Tests.Settings;

public class HpcServiceTests
{
    private static ProcessDescription Process(string keys, params KeyValuePair<string, string>[] additional) =>
        new("BandMath",
            new ConfigValues(keys.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => KeyValuePair.Create(l[..l.IndexOf('=')], l[(l.IndexOf('=') + 1)..]))),
            [], additional, [], []);

    [Test]
    public void The_command_is_the_service_provider()
    {
        var service = HpcService.From(Process("serviceType=HPC\nserviceProvider=otbcli_BandMath"));

        Assert.Multiple(() =>
        {
            Assert.That(service.Name, Is.EqualTo("BandMath"));
            Assert.That(service.Command, Is.EqualTo(new[] { "otbcli_BandMath" }));
            Assert.That(service.HpcModules, Is.Null);
            Assert.That(service.ConfId, Is.EqualTo("HPC"));
        });
    }

    [Test]
    public void An_entry_point_replaces_the_service_provider_word_by_word()
    {
        var service = HpcService.From(Process("serviceProvider=otbcli_BandMath",
            KeyValuePair.Create("entry-point", "singularity exec otbtf_4.1.0-cpu.sif  /opt/otbtf/bin/otbcli_BandMath")));

        Assert.That(service.Command, Is.EqualTo(new[] { "singularity", "exec", "otbtf_4.1.0-cpu.sif", "/opt/otbtf/bin/otbcli_BandMath" }));
        Assert.That(service.CommandText, Is.EqualTo("singularity exec otbtf_4.1.0-cpu.sif /opt/otbtf/bin/otbcli_BandMath"));
    }

    [Test]
    public void ConfId_and_hpcModules_come_from_the_zcfg()
    {
        var service = HpcService.From(Process("serviceProvider=otbcli_BandMath\nconfId=HPC_big\nhpcModules=otb/9.0"));

        Assert.That(service.ConfId, Is.EqualTo("HPC_big"));
        Assert.That(service.HpcModules, Is.EqualTo("otb/9.0"));
    }

    [Test]
    public void A_service_without_a_command_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => HpcService.From(Process("serviceType=HPC")));

        Assert.That(error!.Message, Does.Contain("BandMath.zcfg: serviceProvider is missing"));
    }
}
