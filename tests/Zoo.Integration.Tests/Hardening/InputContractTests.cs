using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 2: ZOO's input contract (kernel.md §6, ../research/zoo-input-contract.md). The fixture service Recorder
/// hands back every key and value of its input maps, and the bytes of the files they name, as it received them
/// (main.cfg without memory=load):
/// <list type="bullet">
/// <item>inline complex data: value, size, cache_file (an existing <c>Input_&lt;name&gt;_&lt;usid&gt;_&lt;n&gt;.&lt;ext&gt;</c>
/// in tmpPath with exactly the data), cache_url (tmpUrl + that name), byValue, minOccurs, maxOccurs;</item>
/// <item>by reference: xlink:href, href, Reference, Order, origin, size, cache_file, the server's Content-Type as
/// mimeType on the first fetch; isCached=true and fmimeType only when the cache served it;</item>
/// <item>two values: lists, length, isArray.</item>
/// </list>
/// The input files of a synchronous run are gone once it answered; an asynchronous job keeps them until Dismiss.
/// </summary>
[TestFixture]
public sealed class InputContractTests
{
    internal const string GmlContentType = "text/xml; subtype=gml/2.1.2";

    internal const string InlineXml = """<t:doc xmlns:t="urn:zoo:tests"><t:x k="1">text é</t:x><t:y/></t:doc>""";

    internal const string InlineJson = """{"type":"Point","coordinates":[1.5,2]}""";

    private static readonly byte[] Binary = [0x00, 0x01, 0xFF, (byte)'b', (byte)'i', (byte)'n', 0x80, 0x0A, 0x0D];

    private static readonly byte[] ReferencedGml =
        """<gml:Point xmlns:gml="http://www.opengis.net/gml"><gml:coordinates>1,2</gml:coordinates></gml:Point>"""u8.ToArray();

    private ServiceDirectory _services = null!;
    private StaticHttpServer _server = null!;
    private string _url = null!;

    private Recording _inlineXml = null!;
    private Recording _inlineJson = null!;
    private Recording _kvpJson = null!;
    private Recording _base64 = null!;
    private Recording _firstFetch = null!;
    private Recording _cacheHit = null!;
    private Recording _twoValues = null!;
    private Recording _literal = null!;
    private readonly Dictionary<string, IReadOnlyList<string>> _leftAfterSyncRun = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public void RecordWhatTheServiceIsHanded()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _server = new StaticHttpServer();
        _url = _server.Serve("/features/point.gml", GmlContentType, ReferencedGml);

        _inlineXml = Record(Xml10("Recorder", Complex10("Data", "mimeType=\"text/xml\"", InlineXml), Raw10("Result")));
        _inlineJson = Record(Xml10("Recorder", Complex10("Data", "mimeType=\"application/json\"", X(InlineJson)), Raw10("Result")));
        _kvpJson = RecordKvp($"Data={Q(InlineJson)}@mimeType=application/json");
        _base64 = RecordKvp($"Data={Q(Convert.ToBase64String(Binary))}@mimeType=application/octet-stream@encoding=base64");
        _firstFetch = RecordKvp($"Data=@xlink:href={Q(_url)}");
        _cacheHit = RecordKvp($"Data=@xlink:href={Q(_url)}");
        _twoValues = Record(Xml10("Recorder",
            Complex10("Data", "mimeType=\"text/xml\"", InlineXml) + Complex10("Data", "mimeType=\"application/json\"", X(InlineJson)),
            Raw10("Result")));
        _literal = RecordKvp("Distance=12.5@uom=feet");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Dispose();
        _services.Dispose();
    }

    private Recording RecordKvp(string dataInputs) =>
        Recorded(CgiProcess.Get(_services.Path, Kvp("Recorder", dataInputs, "&RawDataOutput=Result")));

    private Recording Record(string xml) => Recorded(CgiProcess.Post(_services.Path, xml));

    private Recording Recorded(CgiResult result)
    {
        CgiAnswer.AssertProper(result);
        Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
        var recording = Recording.Parse(result);
        _leftAfterSyncRun[recording.Usid] = InputFilesOf(_services, recording.Usid);
        return recording;
    }

    internal static IReadOnlyList<string> InputFilesOf(ServiceDirectory services, string usid) =>
        Directory.EnumerateFiles(services.TmpPath, $"Input_*_{usid}_*").Select(Path.GetFileName).Select(n => n!).ToList();

    private static string InputFile(Recording recording, string name, int index, string extension) =>
        $"{recording.TmpPath}/Input_{name}_{recording.Usid}_{index.ToString(CultureInfo.InvariantCulture)}.{extension}";

    private static string Url(Recording recording, string name, int index, string extension) =>
        recording.TmpUrl + $"Input_{name}_{recording.Usid}_{index.ToString(CultureInfo.InvariantCulture)}.{extension}";

    // ---------------------------------------------------------------- inline XML

    [Test]
    public void Inline_XML_is_handed_as_its_value()
    {
        var value = _inlineXml.Input("Data").String("value");

        Assert.That(XNode.DeepEquals(XElement.Parse(value!), XElement.Parse(InlineXml)), Is.True, value);
    }

    [Test]
    public void Inline_XML_is_handed_as_an_input_file_in_tmpPath_named_as_ZOO_names_it()
    {
        Assert.That(_inlineXml.Input("Data").String("cache_file"), Is.EqualTo(InputFile(_inlineXml, "Data", 0, "xml")));
    }

    [Test]
    public void The_input_file_of_inline_XML_holds_exactly_the_value_and_size_counts_its_bytes()
    {
        var data = _inlineXml.Input("Data");
        var bytes = _inlineXml.FileBytes(data.String("cache_file")!);

        Assert.Multiple(() =>
        {
            Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes(data.String("value")!)));
            Assert.That(data.String("size"), Is.EqualTo(bytes!.Length.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Inline_XML_has_cache_url_byValue_and_the_declared_occurrences()
    {
        var data = _inlineXml.Input("Data");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("cache_url"), Is.EqualTo(Url(_inlineXml, "Data", 0, "xml")));
            // ZOO writes "true" for arrays and (a slip) the cache_url for a single value: either says "by value".
            Assert.That(data.String("byValue"), Is.EqualTo("true").Or.EqualTo(data.String("cache_url")));
            Assert.That(data.String("minOccurs"), Is.EqualTo("0"));
            Assert.That(data.String("maxOccurs"), Is.EqualTo("2"));
            Assert.That(data.String("mimeType"), Is.EqualTo("text/xml"));
            Assert.That(data.Keys, Has.None.EqualTo("isCached").And.None.EqualTo("xlink:href").And.None.EqualTo("isArray"));
        });
    }

    // ---------------------------------------------------------------- inline JSON

    [Test]
    public void Inline_JSON_is_handed_as_its_exact_text_in_value_and_in_a_json_input_file()
    {
        foreach (var recording in new[] { _inlineJson, _kvpJson })
        {
            var data = recording.Input("Data");
            Assert.Multiple(() =>
            {
                Assert.That(data.String("value"), Is.EqualTo(InlineJson));
                Assert.That(data.String("cache_file"), Is.EqualTo(InputFile(recording, "Data", 0, "json")));
                Assert.That(recording.FileBytes(data.String("cache_file")!), Is.EqualTo(Encoding.UTF8.GetBytes(InlineJson)));
                Assert.That(data.String("size"), Is.EqualTo(Encoding.UTF8.GetByteCount(InlineJson).ToString(CultureInfo.InvariantCulture)));
                Assert.That(data.String("cache_url"), Is.EqualTo(Url(recording, "Data", 0, "json")));
                Assert.That(data.Has("byValue"), Is.True);
                Assert.That(data.String("mimeType"), Is.EqualTo("application/json"));
            });
        }
    }

    // ---------------------------------------------------------------- base64

    [Test]
    public void Base64_data_is_handed_decoded_in_value_in_its_input_file_and_in_size()
    {
        var data = _base64.Input("Data");
        var cacheFile = data.String("cache_file");

        Assert.Multiple(() =>
        {
            Assert.That(data.Bytes("value"), Is.EqualTo(Binary));
            Assert.That(cacheFile, Does.Match($"^{Regex.Escape(_base64.TmpPath)}/Input_Data_{_base64.Usid}_0\\.[a-z0-9]+$"));
            Assert.That(_base64.FileBytes(cacheFile!), Is.EqualTo(Binary));
            Assert.That(data.String("size"), Is.EqualTo(Binary.Length.ToString(CultureInfo.InvariantCulture)));
            Assert.That(data.String("cache_url"), Is.EqualTo(_base64.TmpUrl + Path.GetFileName(cacheFile)));
            Assert.That(data.String("encoding"), Is.EqualTo("base64"));
        });
    }

    // ---------------------------------------------------------------- by reference

    [Test]
    public void A_reference_is_handed_with_ZOO_s_reference_keys()
    {
        var data = _firstFetch.Input("Data");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("xlink:href"), Is.EqualTo(_url));
            Assert.That(data.String("href"), Is.EqualTo(_url));
            Assert.That(data.String("Reference"), Is.EqualTo(_url));
            Assert.That(data.String("Order"), Is.EqualTo("1"));
            Assert.That(data.String("origin"), Is.EqualTo("OTHER"));
            Assert.That(data.String("size"), Is.EqualTo(ReferencedGml.Length.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void A_reference_is_handed_as_a_file_holding_exactly_what_the_server_sent()
    {
        var data = _firstFetch.Input("Data");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("cache_file"), Is.Not.Null.And.Not.Empty);
            Assert.That(_firstFetch.FileBytes(data.String("cache_file")!), Is.EqualTo(ReferencedGml));
            Assert.That(data.String("value"), Is.EqualTo(Encoding.UTF8.GetString(ReferencedGml)));
        });
    }

    [Test]
    public void On_the_first_fetch_mimeType_is_the_server_s_Content_Type_exactly_and_nothing_says_cached()
    {
        var data = _firstFetch.Input("Data");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("mimeType"), Is.EqualTo(GmlContentType));
            Assert.That(data.Keys, Has.None.EqualTo("isCached").And.None.EqualTo("fmimeType"));
        });
    }

    [Test]
    public void The_same_reference_a_second_time_is_served_by_the_cache_with_isCached_and_fmimeType()
    {
        var data = _cacheHit.Input("Data");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("isCached"), Is.EqualTo("true"));
            Assert.That(data.String("fmimeType"), Is.EqualTo(GmlContentType));
            Assert.That(data.String("cache_file"), Is.EqualTo(_firstFetch.Input("Data").String("cache_file")));
            Assert.That(_cacheHit.FileBytes(data.String("cache_file")!), Is.EqualTo(ReferencedGml));
            Assert.That(data.String("xlink:href"), Is.EqualTo(_url));
            Assert.That(data.String("size"), Is.EqualTo(ReferencedGml.Length.ToString(CultureInfo.InvariantCulture)));
            Assert.That(_server.Requests.Count(r => r.Contains("/features/point.gml", StringComparison.Ordinal)), Is.EqualTo(1),
                "the second request was not served from the cache");
        });
    }

    // ---------------------------------------------------------------- several values

    [Test]
    public void Two_values_of_one_input_are_handed_as_lists_with_length_and_isArray()
    {
        var data = _twoValues.Input("Data");
        var values = data.List("value");

        Assert.Multiple(() =>
        {
            Assert.That(data.String("length"), Is.EqualTo("2"));
            Assert.That(data.String("isArray"), Is.EqualTo("true"));
            Assert.That(values, Has.Count.EqualTo(2));
            Assert.That(XNode.DeepEquals(XElement.Parse(values[0]!), XElement.Parse(InlineXml)), Is.True, values[0]);
            Assert.That(values[1], Is.EqualTo(InlineJson));
            Assert.That(data.List("mimeType"), Is.EqualTo(new[] { "text/xml", "application/json" }));
            Assert.That(data.List("size"), Is.EqualTo(new[]
            {
                Encoding.UTF8.GetByteCount(values[0]!).ToString(CultureInfo.InvariantCulture),
                Encoding.UTF8.GetByteCount(InlineJson).ToString(CultureInfo.InvariantCulture),
            }));
        });
    }

    [Test]
    public void Each_of_two_values_has_its_own_input_file_with_its_exact_bytes()
    {
        var data = _twoValues.Input("Data");
        var files = data.List("cache_file");

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EqualTo(new[] { InputFile(_twoValues, "Data", 0, "xml"), InputFile(_twoValues, "Data", 1, "json") }));
            Assert.That(_twoValues.FileBytes(files[0]!), Is.EqualTo(Encoding.UTF8.GetBytes(data.List("value")[0]!)));
            Assert.That(_twoValues.FileBytes(files[1]!), Is.EqualTo(Encoding.UTF8.GetBytes(InlineJson)));
            Assert.That(data.String("cache_url"), Is.EqualTo(Url(_twoValues, "Data", 0, "xml")));
            Assert.That(data.String("cache_url_1"), Is.EqualTo(Url(_twoValues, "Data", 1, "json")));
        });
    }

    // ---------------------------------------------------------------- literal

    [Test]
    public void A_literal_with_a_unit_is_handed_its_value_uom_and_type_and_no_file()
    {
        var distance = _literal.Input("Distance");

        Assert.Multiple(() =>
        {
            Assert.That(distance.String("value"), Is.EqualTo("12.5"));
            Assert.That(distance.String("uom"), Is.EqualTo("feet"));
            Assert.That(distance.String("dataType"), Is.EqualTo("float"));
            Assert.That(distance.String("minOccurs"), Is.EqualTo("0"));
            Assert.That(distance.String("maxOccurs"), Is.EqualTo("1"));
            Assert.That(distance.String("inRequest"), Is.EqualTo("true"));
            Assert.That(distance.Keys, Has.None.EqualTo("cache_file").And.None.EqualTo("cache_url"));
        });
    }

    // ---------------------------------------------------------------- life of the input files

    [Test]
    public void After_a_synchronous_run_its_input_files_are_gone()
    {
        Assert.That(_leftAfterSyncRun.Where(run => run.Value.Count > 0).Select(run => $"{run.Key}: {string.Join(", ", run.Value)}"), Is.Empty);
    }

    [Test]
    public void An_asynchronous_job_keeps_its_input_files_until_Dismiss()
    {
        var jobs = new AsyncJobs(_services);
        try
        {
            var accepted = CgiProcess.Post(_services.Path, $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <wps:Execute service="WPS" version="2.0.0" response="document" mode="async" {Wps20Namespaces}>
                  <ows:Identifier>Recorder</ows:Identifier>
                  {Data20("Data", "mimeType=\"application/json\"", X(InlineJson))}
                  {Output20("Result")}
                </wps:Execute>
                """);
            var id = StatusInfo.Parse(accepted).JobId;
            var final = jobs.WaitUntilFinal(id);
            Assume.That(final.Status, Is.EqualTo("Succeeded"));
            var file = Path.Combine(_services.TmpPath, $"Input_Data_{id}_0.json");

            Assert.That(File.Exists(file) ? File.ReadAllText(file) : null, Is.EqualTo(InlineJson), "the finished job's input file");

            var dismissed = jobs.Dismiss(id);
            CgiAnswer.AssertProper(dismissed);
            Assert.That(InputFilesOf(_services, id), Is.Empty, "input files left after Dismiss");
        }
        finally
        {
            jobs.KillAllWorkers();
        }
    }

    // ---------------------------------------------------------------- Profile

    [Test]
    public void DescribeProcess_1_0_0_shows_the_Profile_after_the_metadata()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=DescribeProcess&Identifier=BufferPy");

        CgiAnswer.AssertProper(result);
        XNamespace wps = "http://www.opengis.net/wps/1.0.0";
        var description = XDocument.Parse(result.Text).Root!.Elements().Single(e => e.Name.LocalName == "ProcessDescription");
        var children = description.Elements().Select(e => e.Name.LocalName).ToList();
        var profile = description.Elements(wps + "Profile").SingleOrDefault();
        Assert.Multiple(() =>
        {
            Assert.That(profile?.Value, Is.EqualTo("urn:ogc:wps:1.0.0:buffer"), result.Text);
            Assert.That(children.IndexOf("Profile"), Is.EqualTo(children.LastIndexOf("Metadata") + 1), string.Join(", ", children));
            Assert.That(children.IndexOf("Profile"), Is.LessThan(children.IndexOf("DataInputs")), string.Join(", ", children));
        });
        SchemaValidator.AssertValid(result);
    }
}

/// <summary>Defect 2, ZOO's other mode: with <c>[main] memory=load</c>, inline inputs have a value but no file keys.</summary>
[TestFixture]
public sealed class InputContractWithMemoryLoadTests
{
    private ServiceDirectory _services = null!;
    private Recording _inlineXml = null!;
    private Recording _inlineJson = null!;

    [OneTimeSetUp]
    public void RecordWhatTheServiceIsHanded()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _services.SetConfig("main", "memory", "load");
        _inlineXml = Record(Xml10("Recorder", Complex10("Data", "mimeType=\"text/xml\"", InputContractTests.InlineXml), Raw10("Result")));
        _inlineJson = Record(Xml10("Recorder", Complex10("Data", "mimeType=\"application/json\"", X(InputContractTests.InlineJson)), Raw10("Result")));
    }

    [OneTimeTearDown]
    public void Remove() => _services.Dispose();

    private Recording Record(string xml)
    {
        var result = CgiProcess.Post(_services.Path, xml);
        CgiAnswer.AssertProper(result);
        Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
        return Recording.Parse(result);
    }

    [Test]
    public void Inline_inputs_have_their_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(XNode.DeepEquals(XElement.Parse(_inlineXml.Input("Data").String("value")!), XElement.Parse(InputContractTests.InlineXml)), Is.True);
            Assert.That(_inlineJson.Input("Data").String("value"), Is.EqualTo(InputContractTests.InlineJson));
        });
    }

    [Test]
    public void Inline_inputs_have_no_cache_file_cache_url_or_byValue()
    {
        Assert.Multiple(() =>
        {
            foreach (var data in new[] { _inlineXml.Input("Data"), _inlineJson.Input("Data") })
                Assert.That(data.Keys, Has.None.EqualTo("cache_file").And.None.EqualTo("cache_url").And.None.EqualTo("byValue"), data.ToString());
        });
    }

    [Test]
    public void Nothing_of_the_run_is_left_in_tmpPath()
    {
        Assert.That(InputContractTests.InputFilesOf(_services, _inlineXml.Usid).Concat(InputContractTests.InputFilesOf(_services, _inlineJson.Usid)), Is.Empty);
    }
}

/// <summary>
/// Defect 2, ZOO's own Python OGR services: BufferPy (a fixture written after ZOO's documented BufferPy.zcfg and
/// ogr_sp.py) reads inline data through cache_file with OGR, as ZOO's does (with memory=load, from value with
/// CreateGeometryFromGML / CreateGeometryFromJson), and its buffer is the one OGR computes from the same polygon in
/// a separate python3.
/// </summary>
[TestFixture]
public sealed class BufferPyTests
{
    private const double Distance = 2;

    private const string SquareWkt = "POLYGON ((0 0,10 0,10 10,0 10,0 0))";

    private const string Gml = """
        <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml" xmlns:t="urn:zoo:tests"><gml:featureMember><t:area><t:geometry><gml:Polygon srsName="EPSG:4326"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>0,0 10,0 10,10 0,10 0,0</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></t:geometry></t:area></gml:featureMember></wfs:FeatureCollection>
        """;

    private const string GeoJson =
        """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}}]}""";

    /// <summary>What CreateGeometryFromGML and CreateGeometryFromJson read (a service handed value only, memory=load).</summary>
    private const string BareGml =
        """<gml:Polygon xmlns:gml="http://www.opengis.net/gml"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>0,0 10,0 10,10 0,10 0,0</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs></gml:Polygon>""";

    private const string BareGeoJson = """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}""";

    private ServiceDirectory _services = null!;
    private ServiceDirectory _memoryLoad = null!;
    private StaticHttpServer _server = null!;
    private Measure _expected = null!;

    [OneTimeSetUp]
    public void CheckOgr()
    {
        var probe = Python("from osgeo import ogr");
        if (probe.ExitCode != 0)
            Assert.Ignore("/usr/bin/python3 cannot import osgeo.ogr (python3-gdal is not installed): " + probe.Error);
        _services = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _memoryLoad = ServiceDirectory.CopyOf(RepositoryPaths.Fixture("hardening"));
        _memoryLoad.SetConfig("main", "memory", "load");
        _server = new StaticHttpServer();
        _expected = Expected();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server?.Dispose();
        _services?.Dispose();
        _memoryLoad?.Dispose();
    }

    private string Execute(bool memoryLoad, string inputAttributes, string content, string outputMimeType)
    {
        var body = Xml10("BufferPy",
            Complex10("InputPolygon", inputAttributes, content) + Literal10("BufferDistance", Distance.ToString(CultureInfo.InvariantCulture)),
            Raw10("Result", $"mimeType=\"{outputMimeType}\""));
        var result = CgiProcess.Post((memoryLoad ? _memoryLoad : _services).Path, body);
        CgiAnswer.AssertProper(result);
        Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
        return result.Text;
    }

    [TestCase(false, TestName = "Inline_GML_is_buffered_as_OGR_buffers_it(read through cache_file)")]
    [TestCase(true, TestName = "Inline_GML_is_buffered_as_OGR_buffers_it(memory=load, read from value)")]
    public void Inline_GML_is_buffered_as_OGR_buffers_it(bool memoryLoad)
    {
        var answer = Execute(memoryLoad, "mimeType=\"text/xml\"", memoryLoad ? BareGml : Gml, "text/xml");

        AssertSameBuffer(answer, "xml");
    }

    [TestCase(false, TestName = "Inline_GeoJSON_is_buffered_as_OGR_buffers_it(read through cache_file)")]
    [TestCase(true, TestName = "Inline_GeoJSON_is_buffered_as_OGR_buffers_it(memory=load, read from value)")]
    public void Inline_GeoJSON_is_buffered_as_OGR_buffers_it(bool memoryLoad)
    {
        var answer = Execute(memoryLoad, "mimeType=\"application/json\"", X(memoryLoad ? BareGeoJson : GeoJson), "application/json");

        AssertSameBuffer(answer, "json");
    }

    [Test]
    public void GML_by_reference_is_buffered_as_OGR_buffers_it()
    {
        var url = _server.Serve("/wfs/square.gml", "text/xml; subtype=gml/3.1.1", Encoding.UTF8.GetBytes(Gml));
        var body = Xml10("BufferPy",
            Reference10("InputPolygon", url) + Literal10("BufferDistance", Distance.ToString(CultureInfo.InvariantCulture)),
            Raw10("Result", "mimeType=\"application/json\""));

        var result = CgiProcess.Post(_services.Path, body);

        CgiAnswer.AssertProper(result);
        Assert.That(result.Status, Does.StartWith("200"), () => CgiAnswer.Head(result));
        AssertSameBuffer(result.Text, "json");
    }

    private void AssertSameBuffer(string answer, string extension)
    {
        var file = Path.Combine(_services.Path, $"answer-{Guid.NewGuid():N}.{extension}");
        File.WriteAllText(file, answer);
        var actual = MeasureOf(file);
        var analytic = 100 + 4 * 10 * Distance + Math.PI * Distance * Distance;
        Assert.Multiple(() =>
        {
            Assert.That(actual.Features, Is.EqualTo(1), answer);
            Assert.That(actual.Area, Is.EqualTo(_expected.Area).Within(1e-6).Percent, answer);
            Assert.That(actual.Envelope, Is.EqualTo(_expected.Envelope).Within(1e-9), answer);
            Assert.That(actual.Area, Is.EqualTo(analytic).Within(0.5).Percent, "the buffer of a 10x10 square by 2");
        });
    }

    private sealed record Measure(int Features, double Area, double[] Envelope);

    /// <summary>The buffer OGR computes for the same square, without the service and without reading any file.</summary>
    private static Measure Expected()
    {
        var run = Python($"""
            from osgeo import ogr
            g = ogr.CreateGeometryFromWkt("{SquareWkt}").Buffer({Distance.ToString(CultureInfo.InvariantCulture)})
            e = g.GetEnvelope()
            print(1, repr(g.GetArea()), repr(e[0]), repr(e[1]), repr(e[2]), repr(e[3]))
            """);
        return Parse(run);
    }

    /// <summary>Opens the service's answer with OGR: its features, their total area and envelope.</summary>
    private static Measure MeasureOf(string file)
    {
        var run = Python($"""
            from osgeo import ogr
            ds = ogr.Open({JsonSerializer.Serialize(file)})
            layer = ds.GetLayer(0)
            count, area = 0, 0.0
            for feature in layer:
                count += 1
                area += feature.GetGeometryRef().GetArea()
            e = layer.GetExtent()
            print(count, repr(area), repr(e[0]), repr(e[1]), repr(e[2]), repr(e[3]))
            """);
        return Parse(run);
    }

    private static Measure Parse((int ExitCode, string Output, string Error) run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var fields = run.Output.Trim().Split(' ');
        var numbers = fields.Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new Measure(int.Parse(fields[0], CultureInfo.InvariantCulture), numbers[0], numbers[1..]);
    }

    private static (int ExitCode, string Output, string Error) Python(string code)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-c", code },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
