using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Otb;

/// <summary>
/// <c>zoo_loader.cgi --otb2zcfg</c> on Debian 12's otb-bin (110 applications): every file it writes is served by the
/// kernel with schema-valid DescribeProcess documents, with every parameter OTB's application engine knows.
/// </summary>
[TestFixture]
public sealed class Otb2ZcfgTests
{
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Ows11 = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Ows20 = "http://www.opengis.net/ows/2.0";

    private ServiceDirectory _services = null!;
    private Otb2ZcfgRun.Outcome _generation = null!;
    private IReadOnlyList<string> _applications = null!;

    [OneTimeSetUp]
    public void GenerateEveryApplication()
    {
        Assume.That(File.Exists(Otb2ZcfgRun.Helper), "dist/cgi-bin/otb-describe is missing: build.sh builds it when libotb-dev is installed");
        _applications = Otb2ZcfgRun.Describe(["--list"]).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        // RAM defaults must not follow the generating environment (spec/otb2zcfg.md B6).
        _generation = Otb2ZcfgRun.Generate(["--out", _services.Path], new Dictionary<string, string> { ["OTB_MAX_RAM_HINT"] = "4096" });
    }

    [OneTimeTearDown]
    public void RemoveServices() => _services?.Dispose();

    [Test]
    public void Every_application_of_otb_bin_gets_its_zcfg()
    {
        Assert.That(_generation.ExitCode, Is.Zero, _generation.StandardError);
        Assert.That(_applications, Has.Count.EqualTo(110));
        Assert.That(_applications.Where(name => !File.Exists(Path.Combine(_services.Path, name + ".zcfg"))), Is.Empty);
    }

    [TestCase("1.0.0")]
    [TestCase("2.0.0")]
    public void DescribeProcess_of_every_application_is_schema_valid(string version)
    {
        foreach (var batch in Batches())
        {
            var result = Describe(version, batch);

            Assert.That(result.Status, Is.EqualTo("200 OK"), result.Text);
            SchemaValidator.AssertValid(result);
        }
    }

    [Test]
    public void No_parameter_is_lost_in_any_application()
    {
        var expected = ParameterCounts();
        var described = Batches().SelectMany(batch => XDocument.Parse(Describe("1.0.0", batch).Text).Descendants("ProcessDescription"))
            .ToDictionary(p => p.Element(Ows11 + "Identifier")!.Value, p => p.Descendants("Input").Count() + p.Descendants("Output").Count());

        Assert.Multiple(() =>
        {
            Assert.That(described.Keys, Is.EquivalentTo(_applications));
            Assert.That(described.Where(p => p.Value != expected[p.Key]).Select(p => $"{p.Key}: {p.Value}, not {expected[p.Key]}"), Is.Empty);
            Assert.That(expected.Values.Sum(), Is.EqualTo(1449));
        });
    }

    [Test]
    public void The_RAM_default_is_OTB_own_whatever_OTB_MAX_RAM_HINT_the_generation_ran_with()
    {
        var ram = Input(Describe("1.0.0", ["BandMath"]), "ram");
        Assert.That(ram.Descendants().Single(e => e.Name.LocalName == "DefaultValue").Value, Is.EqualTo("256"));
    }

    [Test]
    public void Smoothing_radius_is_described_as_an_integer_and_stdev_as_a_float()
    {
        var document = Describe("1.0.0", ["Smoothing"]);
        Assert.Multiple(() =>
        {
            Assert.That(Input(document, "type.mean.radius").Descendants(Ows11 + "DataType").Single().Value, Is.EqualTo("integer"));
            Assert.That(Input(document, "type.gaussian.stdev").Descendants(Ows11 + "DataType").Single().Value, Is.EqualTo("float"));
            Assert.That(Input(document, "type.gaussian.stdev").Attribute("minOccurs")!.Value, Is.EqualTo("0"));
        });
    }

    [Test]
    public void Segmentation_label_image_defaults_to_uint32_in_WPS_2()
    {
        var document = XDocument.Parse(Describe("2.0.0", ["Segmentation"]).Text);
        var input = document.Descendants(Wps20 + "Input").Single(i => i.Element(Ows20 + "Identifier")!.Value == "mode.raster.out");
        Assert.That(input.Descendants().Single(e => e.Name.LocalName == "DefaultValue").Value, Is.EqualTo("uint32"));
    }

    [Test]
    public void With_hpc_the_files_are_HPC_services_with_the_confId()
    {
        var directory = Directory.CreateTempSubdirectory("zoo-otb2zcfg-");
        try
        {
            var outcome = Otb2ZcfgRun.Generate(["--hpc", "preview", "--out", directory.FullName, "BandMath", "Smoothing"]);
            Assert.That(outcome.ExitCode, Is.Zero, outcome.StandardError);
            var lines = File.ReadAllLines(Path.Combine(directory.FullName, "BandMath.zcfg")).Select(line => line.Trim()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(Directory.GetFiles(directory.FullName).Select(Path.GetFileName), Is.EquivalentTo(new[] { "BandMath.zcfg", "Smoothing.zcfg" }));
                Assert.That(lines, Does.Contain("serviceType = HPC").And.Contain("confId = preview").And.Contain("serviceProvider = otbcli_BandMath"));
                Assert.That(lines, Does.Not.Contain("serviceType = OTB"));
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void An_unknown_application_fails_naming_it_and_writes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("zoo-otb2zcfg-");
        try
        {
            var outcome = Otb2ZcfgRun.Generate(["--out", directory.FullName, "BandMath", "NoSuchApplication"]);
            Assert.Multiple(() =>
            {
                Assert.That(outcome.ExitCode, Is.Not.Zero);
                Assert.That(outcome.StandardError, Does.Contain("unknown OTB application: NoSuchApplication"));
                Assert.That(Directory.GetFiles(directory.FullName), Is.Empty);
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void Without_OTB_applications_it_fails_saying_OTB_is_not_installed()
    {
        var empty = Directory.CreateTempSubdirectory("zoo-no-otb-");
        try
        {
            var outcome = Otb2ZcfgRun.Generate(["--out", empty.FullName], new Dictionary<string, string> { ["ITK_AUTOLOAD_PATH"] = empty.FullName });
            Assert.Multiple(() =>
            {
                Assert.That(outcome.ExitCode, Is.Not.Zero);
                Assert.That(outcome.StandardError, Does.Contain("OTB is not installed"));
            });
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    /// <summary>The applications in two requests: the kernel takes at most 100 identifiers in one.</summary>
    private IEnumerable<string[]> Batches() => _applications.Chunk((_applications.Count + 1) / 2);

    private CgiResult Describe(string version, IEnumerable<string> identifiers) =>
        CgiProcess.Get(_services.Path, $"service=WPS&version={version}&request=DescribeProcess&identifier={string.Join(',', identifiers)}");

    private static XElement Input(CgiResult result, string identifier) =>
        XDocument.Parse(result.Text).Descendants("Input").Single(i => i.Element(Ows11 + "Identifier")!.Value == identifier);

    /// <summary>
    /// From OTB's own description: one zcfg entry for each parameter but groups, and two for an output image (the
    /// image, and the input carrying its pixel type).
    /// </summary>
    private Dictionary<string, int> ParameterCounts()
    {
        var counts = new Dictionary<string, int>();
        string? application = null;
        foreach (var fields in Otb2ZcfgRun.Describe(_applications).StandardOutput.Split('\n').Select(line => line.Split('\t')))
        {
            if (fields[0] == "app")
                counts[application = fields[1]] = 0;
            else if (fields[0] == "param" && fields[2] != "Group")
                counts[application!] += fields[2] == "OutputImage" ? 2 : 1;
        }
        return counts;
    }
}
