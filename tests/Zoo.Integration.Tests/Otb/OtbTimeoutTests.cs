using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Otb.OtbLocal;

namespace Zoo.Integration.Tests.Otb;

/// <summary>[otb] timeout stops an application that runs too long, and the Execute fails saying so.</summary>
[TestFixture]
public sealed class OtbTimeoutTests
{
    [Test]
    public void A_run_longer_than_the_timeout_is_stopped_with_a_clear_failure()
    {
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.SetConfig("otb", "timeout", "1");
        var raster = BandMath.GeoTiffFile(services.TmpPath, 3000, 3000);
        var request = ExecuteXml("otb.Smoothing",
            Image("in", raster) + Literal("type", "anidif") + Literal("type.anidif.nbiter", "1000"), async: false);

        var started = DateTime.UtcNow;
        var result = CgiProcess.Post(services.Path, request);

        Assert.Multiple(() =>
        {
            Assert.That(OwsReport.Text(result), Does.Contain("did not finish within 1 seconds"));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(30)));
            Assert.That(ProcessTable.AllPids().Where(p => ProcessTable.CommandLine(p).Contains(services.TmpPath, StringComparison.Ordinal)), Is.Empty);
        });
    }
}
