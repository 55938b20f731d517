using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Otb.OtbLocal;

namespace Zoo.Integration.Tests.Otb;

/// <summary>
/// serviceType=OTB: BandMath, Smoothing and ConcatenateVectorData from cgi-env/otb run here through the kernel,
/// synchronously and asynchronously, and write what <c>otbcli_&lt;App&gt;</c> run by hand writes.
/// </summary>
[TestFixture]
public sealed class OtbLocalRunTests
{
    private ServiceDirectory _services = null!;
    private string _data = null!;
    private string _raster = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _data = Directory.CreateTempSubdirectory("zoo-otb-").FullName;
        _raster = BandMath.GeoTiffFile(_data, 64, 48);
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        _services.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [SetUp]
    public void EmptyTmpPath()
    {
        foreach (var file in Directory.GetFiles(_services.TmpPath, "output_*"))
            File.Delete(file);
    }

    private CgiResult Run(string request, bool async)
    {
        var result = CgiProcess.Post(_services.Path, request);
        if (!async)
            return result;
        var jobs = new AsyncJobs(_services);
        var id = StatusInfo.Parse(result).JobId;
        var end = jobs.WaitUntilFinal(id);
        Assert.That(end.Status, Is.EqualTo("Succeeded"), jobs.GetResult(id).Text);
        return jobs.GetResult(id);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void BandMath_writes_what_otbcli_BandMath_writes(bool async)
    {
        var result = Run(ExecuteXml("otb.BandMath", Image("il", _raster) + Literal("exp", "im1b1 * 3 + 1") + Literal("out", "uint8"), async), async);

        var byHand = Path.Combine(_data, $"bandmath-{async}.tif");
        RunByHand("BandMath", ["-il", _raster, "-exp", "im1b1 * 3 + 1", "-out", byHand, "uint8"]);
        Assert.That(result.Text, Does.Contain("output_BandMath_out_"));
        Assert.That(Checksum(OutputFile(_services, "BandMath", "tiff")), Is.EqualTo(Checksum(byHand)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Smoothing_writes_what_otbcli_Smoothing_writes(bool async)
    {
        var result = Run(ExecuteXml("otb.Smoothing", Image("in", _raster) + Literal("type", "mean") + Literal("type.mean.radius", "3"), async), async);

        var byHand = Path.Combine(_data, $"smoothing-{async}.tif");
        RunByHand("Smoothing", ["-in", _raster, "-type", "mean", "-type.mean.radius", "3", "-out", byHand, "float"]);
        Assert.That(result.Text, Does.Contain("output_Smoothing_out_"));
        Assert.That(Checksum(OutputFile(_services, "Smoothing", "tiff")), Is.EqualTo(Checksum(byHand)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ConcatenateVectorData_writes_what_otbcli_ConcatenateVectorData_writes(bool async)
    {
        // Every WKT of the same length: GDAL guesses an inline GML's field widths from the first file alone (its .xsd
        // stays behind), and OGR refuses a longer value of the second.
        var first = PointsGml(_data, $"first-{async}", 3, 10);
        var second = PointsGml(_data, $"second-{async}", 4, 20);
        var result = Run(ExecuteXml("otb.ConcatenateVectorData", Gml("vd", first) + Gml("vd", second), async), async);

        var byHand = Path.Combine(_data, $"concatenated-{async}.gml");
        RunByHand("ConcatenateVectorData", ["-vd", first, second, "-out", byHand]);
        Assert.That(result.Text, Does.Contain("output_ConcatenateVectorData_out_"));
        Assert.That(FeatureCount(OutputFile(_services, "ConcatenateVectorData", "gml")), Is.EqualTo(FeatureCount(byHand)));
    }

    [Test]
    public void An_expression_with_spaces_reaches_the_application_as_one_word()
    {
        var result = CgiProcess.Post(_services.Path, ExecuteXml("otb.BandMath", Image("il", _raster) + Literal("exp", "im1b1 > 5 ? 1 : 0"), false));

        var byHand = Path.Combine(_data, "bandmath-condition.tif");
        RunByHand("BandMath", ["-il", _raster, "-exp", "im1b1 > 5 ? 1 : 0", "-out", byHand]);
        Assert.That(result.Text, Does.Not.Contain("ExceptionReport"), result.Text);
        Assert.That(Checksum(OutputFile(_services, "BandMath", "tiff")), Is.EqualTo(Checksum(byHand)));
    }

    [TestCase("-inxml")]
    [TestCase("-help")]
    [TestCase("-im1b1 \"x\"")]
    public void A_value_starting_with_a_dash_is_refused_naming_its_input(string expression)
    {
        var result = CgiProcess.Post(_services.Path, ExecuteXml("otb.BandMath", Image("il", _raster) + Literal("exp", expression), false));

        Assert.Multiple(() =>
        {
            Assert.That(OwsReport.Code(result), Is.EqualTo("InvalidParameterValue"));
            Assert.That(OwsReport.Locator(result), Is.EqualTo("exp"));
            Assert.That(Directory.GetFiles(_services.TmpPath, "output_BandMath_out_*"), Is.Empty);
        });
    }
}
