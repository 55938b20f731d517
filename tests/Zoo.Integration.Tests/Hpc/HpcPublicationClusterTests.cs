using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hpc;

/// <summary>
/// The inner outputs of an HPC output (issue 13, spec/hpc.md §6), on the real test cluster and through the real
/// served MapServer: one asynchronous job per class and WPS version, run the way a client runs it over HTTP (2.0.0:
/// GetStatus until Succeeded, then GetResult; 1.0.0: status and storeExecuteResponse, the statusLocation polled until
/// the job ends); then every link of the result is fetched from the served copy (nginx's /temp/ and
/// /cgi-bin/mapserv) and compared with the output file the job brought home into tmpPath.
/// </summary>
public abstract class HpcPublicationClusterTests(string version)
{
    private ServedHpcDist? _dist;
    private PublishedJob? _job;

    protected string Version { get; } = version;

    /// <summary>hpc.&lt;Service&gt;.</summary>
    protected abstract string Service { get; }

    /// <summary>The extension of the output file in tmpPath.</summary>
    protected abstract string Extension { get; }

    /// <summary>The OGC service link besides the WMS one: wcs_link (raster) or wfs_link (vector).</summary>
    protected abstract string DataLink { get; }

    protected ServedHpcDist Dist => _dist ?? throw new InvalidOperationException("no served copy");

    protected PublishedJob Job => (_job ?? throw new InvalidOperationException("no job")).AssertSucceeded();

    /// <summary>The output file the job brought home into the served copy's tmpPath.</summary>
    protected string OutputFile => Dist.OutputFile(Job, Extension);

    /// <summary>The async Execute (with status and storeExecuteResponse in 1.0.0) of this class's job.</summary>
    protected abstract string Execute(string version);

    /// <summary>Serves or writes what the job reads, before it is submitted.</summary>
    protected virtual void PrepareInputs(ServedHpcDist dist)
    {
    }

    [OneTimeSetUp]
    public void RunTheJob()
    {
        var cluster = ClusterEnvironment.Require();
        _dist = ServedHpcDist.Start(cluster);
        PrepareInputs(_dist);
        var clock = Stopwatch.StartNew();
        _job = Version == "2.0.0" ? _dist.Run20(Service, Execute(Version)) : _dist.Run10(Service, Execute(Version));
        TestContext.Progress.WriteLine($"hpc.{Service} {Version}: job {_job.JobId} {_job.Status} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void RemoveTheCopy() => _dist?.Dispose();

    [Test]
    public void The_job_succeeds() => Assert.That(Job.Status, Is.AnyOf("Succeeded", "ProcessSucceeded"));

    [Test]
    public void The_result_document_is_schema_valid() =>
        Assert.That(SchemaValidator.Problems(Job.Document.Body), Is.Null, () => Job.Document.Text);

    [Test]
    public void The_result_lists_download_wms_and_data_links_of_out_each_with_a_reference()
    {
        var separator = Version == "2.0.0" ? "/" : ".";
        var expected = new[] { "download_link", "wms_link", DataLink }.Select(name => "out" + separator + name);

        var outputs = Job.Outputs();

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(o => o.Path), Is.EqualTo(expected), Job.Document.Text);
            Assert.That(outputs.Where(o => string.IsNullOrEmpty(o.Href)).Select(o => o.Path), Is.Empty, "outputs without a reference");
        });
    }

    [Test]
    public void The_download_link_is_the_output_file_in_tmpPath_byte_for_byte()
    {
        var href = Job.Link("download_link");

        var answer = Dist.Get(href);

        Assert.Multiple(() =>
        {
            Assert.That(href, Does.StartWith(Dist.TmpUrl));
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
            Assert.That(answer.Body, Is.EqualTo(File.ReadAllBytes(OutputFile)), $"{href} differs from {OutputFile}");
        });
    }

    [Test]
    public void The_wms_link_is_a_PNG_of_the_width_and_height_its_URL_asks_for()
    {
        var href = Job.Link("wms_link");
        var query = Query(href);

        var image = PngImage.Decode(Dist.Get(href).Body);

        Assert.Multiple(() =>
        {
            Assert.That(href, Does.StartWith(Dist.MapServer + "?"));
            Assert.That(query.GetValueOrDefault("request"), Is.EqualTo("GetMap"), href);
            Assert.That((image.Width, image.Height), Is.EqualTo((Number(query, "width"), Number(query, "height"))), href);
        });
    }

    [Test]
    public void The_wms_link_map_has_non_transparent_pixels()
    {
        var href = Job.Link("wms_link");

        var image = PngImage.Decode(Dist.Get(href).Body);

        Assert.That(image.NonTransparentPixels, Is.GreaterThan(0), "an empty map: " + href);
    }

    /// <summary>The query of a URL, names in lower case, values unescaped.</summary>
    protected static Dictionary<string, string> Query(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]).ToLowerInvariant(), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");

    private static int Number(Dictionary<string, string> query, string name) =>
        int.TryParse(query.GetValueOrDefault(name), System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AssertionException($"the URL has no {name} number: {string.Join('&', query.Select(kv => kv.Key + "=" + kv.Value))}");
}

/// <summary>hpc.BandMath: a GeoTIFF output, published as download_link, wms_link and wcs_link.</summary>
[TestFixture("2.0.0")]
[TestFixture("1.0.0")]
[Category("Cluster")]
public sealed class HpcPublicationBandMathClusterTests(string version) : HpcPublicationClusterTests(version)
{
    private const string Expression = "im1b1*2";

    private string _inputUrl = "";

    protected override string Service => BandMath.Service;

    protected override string Extension => "tiff";

    protected override string DataLink => "wcs_link";

    protected override void PrepareInputs(ServedHpcDist dist)
    {
        // Not square, so that a swapped width and height shows.
        var image = BandMath.GeoTiffFile(dist.WorkPath, 24, 16);
        _inputUrl = dist.ServeInput("/input.tif", "image/tiff", File.ReadAllBytes(image));
    }

    protected override string Execute(string version) => version == "2.0.0"
        ? BandMath.AsyncExecute(_inputUrl, Expression)
        : Xml10("hpc.BandMath",
            Reference10("il", _inputUrl, "mimeType=\"image/tiff\"") + Literal10("exp", Expression),
            HpcPublicationRequests.StoredOutResponse);

    [Test]
    public void The_wcs_link_is_a_GeoTIFF_with_the_output_size_and_CRS()
    {
        var href = Job.Link("wcs_link");
        var coverage = Dist.Download(href, $"wcs-{Version}.tif");
        var bytes = File.ReadAllBytes(coverage);
        if (!bytes.AsSpan().StartsWith("II*\0"u8) && !bytes.AsSpan().StartsWith("MM\0*"u8))
            Assert.Fail($"not a TIFF from {href}:\n{File.ReadAllText(coverage)}");
        var expected = GdalCommands.Raster(OutputFile);

        var actual = GdalCommands.Raster(coverage);

        Assert.Multiple(() =>
        {
            Assert.That(Query(href).GetValueOrDefault("request"), Is.EqualTo("GetCoverage"), href);
            Assert.That((actual.Width, actual.Height), Is.EqualTo((expected.Width, expected.Height)).And.EqualTo((24, 16)), "size");
            Assert.That(actual.Epsg, Is.EqualTo(expected.Epsg).And.Not.Null, "CRS (EPSG code)");
        });
    }
}

/// <summary>hpc.ConcatenateVectorData: a GeoJSON output, published as download_link, wms_link and wfs_link.</summary>
[TestFixture("2.0.0")]
[TestFixture("1.0.0")]
[Category("Cluster")]
public sealed class HpcPublicationConcatenateVectorDataClusterTests(string version) : HpcPublicationClusterTests(version)
{
    private const string Identifier = "hpc.ConcatenateVectorData";

    private static readonly string[] Inputs =
    [
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":1,"name":"a"},"geometry":{"type":"Point","coordinates":[2.1,48.8]}},
        {"type":"Feature","properties":{"id":2,"name":"b"},"geometry":{"type":"Point","coordinates":[2.3,48.9]}}]}
        """,
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":3,"name":"c"},"geometry":{"type":"Point","coordinates":[2.5,48.7]}},
        {"type":"Feature","properties":{"id":4,"name":"d"},"geometry":{"type":"Point","coordinates":[2.2,48.6]}},
        {"type":"Feature","properties":{"id":5,"name":"e"},"geometry":{"type":"Point","coordinates":[2.4,48.75]}}]}
        """,
    ];

    protected override string Service => "ConcatenateVectorData";

    protected override string Extension => "json";

    protected override string DataLink => "wfs_link";

    protected override string Execute(string version) => version == "2.0.0"
        ? Xml20(Identifier, string.Concat(Inputs.Select(json => Data20("vd", "mimeType=\"application/json\"", Cdata(json)))),
                Output20("out", "reference"))
            .Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal)
        : Xml10(Identifier, string.Concat(Inputs.Select(json => Complex10("vd", "mimeType=\"application/json\"", Cdata(json)))),
            HpcPublicationRequests.StoredOutResponse);

    [Test]
    public void The_output_holds_the_features_of_both_inputs() => Assert.That(GdalCommands.FeatureCount(OutputFile), Is.EqualTo(5));

    [Test]
    public void The_wfs_link_is_a_feature_collection_with_as_many_features_as_ogrinfo_counts_in_the_output()
    {
        var href = Job.Link("wfs_link");
        var answer = Dist.Get(href);
        XElement collection;
        try
        {
            collection = XDocument.Parse(answer.Text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"not XML ({e.Message}) from {href}:\n{answer.Text}");
        }

        // WFS 1.x: a gml:featureMember per feature (or one gml:featureMembers); WFS 2.0: a wfs:member per feature.
        var features = collection.Descendants().Count(e => e.Name.LocalName is "featureMember" or "member")
                       + collection.Descendants().Where(e => e.Name.LocalName == "featureMembers").Sum(e => e.Elements().Count());

        Assert.Multiple(() =>
        {
            Assert.That(Query(href).GetValueOrDefault("request"), Is.EqualTo("GetFeature"), href);
            Assert.That(collection.Name.LocalName, Is.EqualTo("FeatureCollection"), answer.Text);
            Assert.That(features, Is.EqualTo(GdalCommands.FeatureCount(OutputFile)), answer.Text);
        });
    }

    private static string Cdata(string text) => "<![CDATA[" + text + "]]>";
}

/// <summary>
/// <c>[HPC] nested_outputs=false</c>: the output has no inner outputs, and the result of a 2.0.0 job carries one
/// reference for <c>out</c> itself.
/// </summary>
[TestFixture]
[Category("Cluster")]
public sealed class HpcPublicationWithoutInnerOutputsClusterTests
{
    private ServedHpcDist? _dist;
    private PublishedJob? _job;

    private PublishedJob Job => (_job ?? throw new InvalidOperationException("no job")).AssertSucceeded();

    [OneTimeSetUp]
    public void RunTheJob()
    {
        var cluster = ClusterEnvironment.Require();
        _dist = ServedHpcDist.Start(cluster, services => services.SetConfig("HPC", "nested_outputs", "false"));
        var url = _dist.ServeInput("/input.tif", "image/tiff", File.ReadAllBytes(BandMath.GeoTiffFile(_dist.WorkPath, 24, 16)));
        var clock = Stopwatch.StartNew();
        _job = _dist.Run20(BandMath.Service, BandMath.AsyncExecute(url, "im1b1*2"));
        TestContext.Progress.WriteLine($"hpc.BandMath 2.0.0, nested_outputs=false: job {_job.JobId} {_job.Status} in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void RemoveTheCopy() => _dist?.Dispose();

    [Test]
    public void The_job_succeeds() => Assert.That(Job.Status, Is.EqualTo("Succeeded"));

    [Test]
    public void The_result_lists_out_alone_with_a_reference()
    {
        var outputs = Job.Outputs();

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(o => o.Path), Is.EqualTo(new[] { "out" }), Job.Document.Text);
            Assert.That(outputs.Select(o => o.Href), Has.None.Null.And.None.Empty, Job.Document.Text);
        });
    }

    [Test]
    public void The_result_document_is_schema_valid() =>
        Assert.That(SchemaValidator.Problems(Job.Document.Body), Is.Null, () => Job.Document.Text);

    [Test]
    public void The_reference_of_out_answers_with_a_raster_of_the_output_size()
    {
        var href = Job.Outputs().Single().Href ?? throw new AssertionException("no reference:\n" + Job.Document.Text);

        var fetched = GdalCommands.Raster(_dist!.Download(href, "out.tif"));

        var output = GdalCommands.Raster(_dist.OutputFile(Job, "tiff"));
        Assert.That((fetched.Width, fetched.Height, fetched.Epsg), Is.EqualTo((output.Width, output.Height, output.Epsg)), href);
    }
}

/// <summary>
/// DescribeProcess of the HPC samples shows the inner outputs (2.0.0: nested in <c>out</c>; 1.0.0: flattened as
/// <c>out.&lt;name&gt;</c>) with ZOO's titles and abstracts, and none with <c>[HPC] nested_outputs=false</c>; schema valid
/// either way. No cluster is needed: nothing is submitted.
/// </summary>
[TestFixture]
public sealed class HpcPublicationDescriptionTests
{
    private static readonly Dictionary<string, (string Title, string Abstract)> Texts = new()
    {
        ["download_link"] = ("Download link", "The download link"),
        ["wms_link"] = ("WMS link", "The WMS link"),
        ["wcs_link"] = ("WCS link", "The WCS link"),
        ["wfs_link"] = ("WFS link", "The WFS link"),
    };

    private ServiceDirectory _nested = null!;
    private ServiceDirectory _plain = null!;

    [OneTimeSetUp]
    public void CopyDist()
    {
        _nested = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _plain = ServiceDirectory.CopyOf(RepositoryPaths.Dist);
        _plain.SetConfig("HPC", "nested_outputs", "false");
    }

    [OneTimeTearDown]
    public void RemoveCopies()
    {
        _nested.Dispose();
        _plain.Dispose();
    }

    private static CgiResult Describe(ServiceDirectory services, string version, string identifier) =>
        CgiProcess.Get(services.Path, $"service=WPS&version={version}&request=DescribeProcess&identifier={identifier}");

    [TestCase("1.0.0", "hpc.BandMath", true)]
    [TestCase("2.0.0", "hpc.BandMath", true)]
    [TestCase("1.0.0", "hpc.ConcatenateVectorData", true)]
    [TestCase("2.0.0", "hpc.ConcatenateVectorData", true)]
    [TestCase("1.0.0", "hpc.BandMath", false)]
    [TestCase("2.0.0", "hpc.BandMath", false)]
    public void DescribeProcess_is_schema_valid(string version, string identifier, bool nestedOutputs)
    {
        var answer = Describe(nestedOutputs ? _nested : _plain, version, identifier);

        Assert.That(SchemaValidator.Problems(answer.Body), Is.Null, () => answer.Text);
    }

    [TestCase("1.0.0", "hpc.BandMath", "wcs_link")]
    [TestCase("2.0.0", "hpc.BandMath", "wcs_link")]
    [TestCase("1.0.0", "hpc.ConcatenateVectorData", "wfs_link")]
    [TestCase("2.0.0", "hpc.ConcatenateVectorData", "wfs_link")]
    public void DescribeProcess_shows_the_inner_outputs_of_out_with_ZOO_s_titles(string version, string identifier, string dataLink)
    {
        var answer = Describe(_nested, version, identifier);
        var expected = new[] { "download_link", "wms_link", dataLink }
            .Select(name => (version == "2.0.0" ? name : "out." + name, Texts[name].Title, Texts[name].Abstract));

        var outputs = version == "2.0.0"
            ? Outputs(Outputs(Process(answer)).Single(o => Identifier(o) == "out"))
            : Outputs(Process(answer));

        Assert.That(outputs.Select(o => (Identifier(o), Text(o, "Title"), Text(o, "Abstract"))), Is.EqualTo(expected), answer.Text);
    }

    [TestCase("1.0.0")]
    [TestCase("2.0.0")]
    public void Without_nested_outputs_DescribeProcess_shows_out_alone(string version)
    {
        var answer = Describe(_plain, version, "hpc.BandMath");

        var outputs = Outputs(Process(answer));

        Assert.Multiple(() =>
        {
            Assert.That(outputs.Select(Identifier), Is.EqualTo(new[] { "out" }), answer.Text);
            Assert.That(outputs.SelectMany(Outputs), Is.Empty, answer.Text);
        });
    }

    /// <summary>What holds the process's outputs: wps:Process (2.0.0) or ProcessOutputs (1.0.0).</summary>
    private static XElement Process(CgiResult answer) =>
        XDocument.Parse(answer.Text).Descendants().FirstOrDefault(e => e.Name.LocalName is "ProcessOutputs" || e.Name == StatusInfo.Wps20 + "Process")
        ?? throw new AssertionException("no outputs in:\n" + answer.Text);

    private static List<XElement> Outputs(XElement parent) => parent.Elements().Where(e => e.Name.LocalName == "Output").ToList();

    private static string Identifier(XElement output) => Text(output, "Identifier");

    private static string Text(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
}

/// <summary>Parts of the Execute requests of the HPC publication tests.</summary>
internal static class HpcPublicationRequests
{
    /// <summary>A 1.0.0 response form: the job runs in the background, its document is stored, <c>out</c> by reference.</summary>
    public const string StoredOutResponse =
        "<wps:ResponseDocument storeExecuteResponse=\"true\" status=\"true\">"
        + "<wps:Output asReference=\"true\"><ows:Identifier>out</ows:Identifier></wps:Output>"
        + "</wps:ResponseDocument>";
}
