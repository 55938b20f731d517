using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>A serviceType no runner takes is answered with an ExceptionReport naming it: no crash, no silent success.</summary>
[TestFixture]
public sealed class UnsupportedServiceTypeTests
{
    [TestCase("Fortran")]
    [TestCase("Java")]
    public void An_execute_of_an_unsupported_service_type_names_the_type(string serviceType)
    {
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.Write("Unsupported.zcfg",
            $"[Unsupported]\n Title = t\n Abstract = a\n serviceProvider = x\n serviceType = {serviceType}\n <DataInputs>\n </DataInputs>\n"
            + " <DataOutputs>\n  [Result]\n   Title = r\n   Abstract = r\n   <LiteralData>\n    dataType = string\n    <Default />\n   </LiteralData>\n </DataOutputs>\n");

        var result = CgiProcess.Get(services.Path, Kvp("Unsupported", ""));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0));
            Assert.That(OwsReport.Code(result), Is.EqualTo("NoApplicableCode"));
            Assert.That(OwsReport.Text(result),
                Is.EqualTo($"Programming Language ({serviceType}) set in ZCFG file is not currently supported by ZOO Kernel."));
        });
    }
}
