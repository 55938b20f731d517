using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Publishing;

/// <summary>
/// Outputs whose format says useMapserver=true, published through a real MapServer 8 (issue 13): the sample services
/// PublishRaster and PublishVector run through serve.sh's nginx + fcgiwrap in WPS 1.0.0 and 2.0.0, synchronously and
/// asynchronously, and every link a finished job returns is fetched from the served mapserv (or, for the formats
/// without MapServer, from the served tmpPath) and checked against the input with GDAL's own tools.
/// </summary>
[TestFixture]
public sealed partial class PublishedOutputTests
{
    private const string NotGeographic = "The ZOO-Kernel was able to retrieve the data but could not read it as geographic data.";
    private const string NothingInside = "The ZOO-Kernel was able to retrieve the data but could not access any feature or pixel in the resulting file.";

    /// <summary>What a format's link is.</summary>
    public enum Link
    {
        Wms,
        Wcs,
        WfsGml,
        WfsGeoJson,
        Download,
    }

    /// <summary>The formats of the two services (their .zcfg) and the link each is returned as.</summary>
    private static readonly (string Process, SampleData Data, string? MimeType, Link Link)[] Formats =
    [
        ("PublishRaster", SampleData.Raster, null, Link.Wcs),
        ("PublishRaster", SampleData.Raster, "image/png", Link.Wms),
        ("PublishRaster", SampleData.Raster, "image/tiff; application=geotiff", Link.Download),
        ("PublishVector", SampleData.Features, null, Link.WfsGml),
        ("PublishVector", SampleData.Features, "application/json", Link.WfsGeoJson),
        ("PublishVector", SampleData.Features, "image/png", Link.Wms),
        ("PublishVector", SampleData.Features, "application/geo+json", Link.Download),
    ];

    /// <summary>Outputs that cannot be published, and the kernel's message.</summary>
    private static readonly (string Process, SampleData Data, string Message)[] Unpublishable =
    [
        ("PublishVector", SampleData.PlainJson, NotGeographic),
        ("PublishRaster", SampleData.NotAnImage, NotGeographic),
        ("PublishVector", SampleData.EmptyFeatures, NothingInside),
    ];

    private PublishingServer _served = null!;

    [OneTimeSetUp]
    public void Serve()
    {
        _served = new PublishingServer();
        _served.Start(Published().Select(p => p.Scenario).Concat(Failing().Select(f => f.Scenario)));
    }

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    private static IEnumerable<(JobScenario Scenario, Link Link)> Published() =>
        from format in Formats
        from mode in Enum.GetValues<WpsMode>()
        select (new JobScenario(format.Process, format.Data, format.MimeType, mode), format.Link);

    private static IEnumerable<(JobScenario Scenario, string Message)> Failing() =>
        from failure in Unpublishable
        from mode in Enum.GetValues<WpsMode>()
        select (new JobScenario(failure.Process, failure.Data, null, mode), failure.Message);

    private static IEnumerable<TestCaseData> Cases(params Link[] links) =>
        Published().Where(p => links.Contains(p.Link)).Select(p => new TestCaseData(p.Scenario).SetArgDisplayNames(p.Scenario.Label));

    public static IEnumerable<TestCaseData> WmsJobs() => Cases(Link.Wms);

    public static IEnumerable<TestCaseData> WcsJobs() => Cases(Link.Wcs);

    public static IEnumerable<TestCaseData> WfsGmlJobs() => Cases(Link.WfsGml);

    public static IEnumerable<TestCaseData> WfsGeoJsonJobs() => Cases(Link.WfsGeoJson);

    public static IEnumerable<TestCaseData> DownloadJobs() => Cases(Link.Download);

    public static IEnumerable<TestCaseData> MapServerJobs() => Cases(Link.Wms, Link.Wcs, Link.WfsGml, Link.WfsGeoJson);

    public static IEnumerable<TestCaseData> EveryJob() =>
        Published().Select(p => p.Scenario).Concat(Failing().Select(f => f.Scenario))
            .Select(s => new TestCaseData(s).SetArgDisplayNames(s.Label));

    public static IEnumerable<TestCaseData> Modes() =>
        Enum.GetValues<WpsMode>().Select(m => new TestCaseData(m).SetArgDisplayNames(JobScenario.VersionLabel(m)));

    private JobRun Job(JobScenario scenario) => _served.Job(scenario).GetAwaiter().GetResult();

    /// <summary>The job of a scenario that must succeed; fails the test with its documents when it did not.</summary>
    private JobRun Succeeded(JobScenario scenario)
    {
        var run = Job(scenario);
        if (run.Exception() is not null || run.FinalStatus is "ProcessFailed" or "Failed")
            Assert.Fail($"the job failed ({run.Exception()?.Text}):\n{run.Dump}");
        return run;
    }

    private (string Href, string? MimeType, HttpAnswer Answer) Fetched(JobScenario scenario)
    {
        var (href, mimeType) = Succeeded(scenario).Reference();
        return (href, mimeType, _served.Fetch(href));
    }

    // ------------------------------------------------------------------------------------------- links

    [TestCaseSource(nameof(WmsJobs))]
    public void The_WMS_link_is_a_PNG_of_the_width_and_height_it_asks_for_with_non_transparent_pixels(JobScenario scenario)
    {
        var (href, _, answer) = Fetched(scenario);
        var query = Query(href);

        var image = PngImage.Decode(answer.Body);

        Assert.Multiple(() =>
        {
            Assert.That(query["request"], Is.EqualTo("GetMap"), href);
            Assert.That((image.Width, image.Height), Is.EqualTo((Int(query["width"]), Int(query["height"]))), href);
            Assert.That(image.NonTransparentPixels, Is.GreaterThan(0), "an empty map: " + href);
        });
    }

    [TestCaseSource(nameof(WcsJobs))]
    public void The_WCS_link_is_a_GeoTIFF_with_the_input_size_pixel_size_and_CRS(JobScenario scenario)
    {
        var (href, _, answer) = Fetched(scenario);
        var expected = GdalCommands.Raster(_served.SampleFile(scenario.Data));
        var file = Path.Combine(_served.WorkPath, $"wcs-{Guid.NewGuid():N}.tif");
        File.WriteAllBytes(file, answer.Body);
        if (!answer.Body.AsSpan().StartsWith("II*\0"u8) && !answer.Body.AsSpan().StartsWith("MM\0*"u8))
            Assert.Fail($"not a TIFF from {href}:\n{answer.Text}");

        var coverage = GdalCommands.Raster(file);

        Assert.Multiple(() =>
        {
            Assert.That(Query(href)["request"], Is.EqualTo("GetCoverage"), href);
            Assert.That(coverage.Epsg, Is.EqualTo(expected.Epsg).And.EqualTo(32631), "CRS");
            Assert.That(coverage.PixelWidth, Is.EqualTo(expected.PixelWidth).Within(1e-9), "pixel width");
            Assert.That(coverage.PixelHeight, Is.EqualTo(expected.PixelHeight).Within(1e-9), "pixel height");
            Assert.That((coverage.Width, coverage.Height), Is.EqualTo((expected.Width, expected.Height)), "size");
            Assert.That(coverage.BandTypes, Is.EqualTo(expected.BandTypes), "bands");
        });
    }

    [TestCaseSource(nameof(WfsGmlJobs))]
    public void The_WFS_GML_link_holds_as_many_features_as_ogrinfo_counts_in_the_input(JobScenario scenario)
    {
        var (href, _, answer) = Fetched(scenario);
        var expected = GdalCommands.FeatureCount(_served.SampleFile(scenario.Data));
        XElement collection;
        try
        {
            collection = XDocument.Parse(answer.Text).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AssertionException($"not XML ({e.Message}) from {href}:\n{answer.Text}");
        }

        // WFS 1.x: gml:featureMember per feature (or one gml:featureMembers); WFS 2.0: wfs:member.
        var members = collection.Descendants().Count(e => e.Name.LocalName is "featureMember" or "member")
                      + collection.Descendants().Where(e => e.Name.LocalName == "featureMembers").Sum(e => e.Elements().Count());

        Assert.Multiple(() =>
        {
            Assert.That(collection.Name.LocalName, Is.EqualTo("FeatureCollection"), answer.Text);
            Assert.That(members, Is.EqualTo(expected).And.EqualTo(5), answer.Text);
        });
    }

    [TestCaseSource(nameof(WfsGeoJsonJobs))]
    public void The_WFS_GeoJSON_link_holds_as_many_features_as_ogrinfo_counts_in_the_input(JobScenario scenario)
    {
        var (href, _, answer) = Fetched(scenario);
        var expected = GdalCommands.FeatureCount(_served.SampleFile(scenario.Data));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException e)
        {
            throw new AssertionException($"not JSON ({e.Message}) from {href}:\n{answer.Text}");
        }

        using (json)
        {
            Assert.Multiple(() =>
            {
                Assert.That(json.RootElement.GetProperty("type").GetString(), Is.EqualTo("FeatureCollection"), answer.Text);
                Assert.That(json.RootElement.GetProperty("features").GetArrayLength(), Is.EqualTo(expected).And.EqualTo(5), answer.Text);
            });
        }
    }

    [TestCaseSource(nameof(DownloadJobs))]
    public void The_download_reference_is_byte_identical_to_the_file_stored_in_tmpPath_and_to_the_input(JobScenario scenario)
    {
        var (href, _, answer) = Fetched(scenario);
        Assert.That(href, Does.StartWith(_served.TmpUrl), "not a file of tmpPath");
        var stored = Path.Combine(_served.Dist.TmpPath, Uri.UnescapeDataString(href[_served.TmpUrl.Length..]));
        Assert.That(stored, Does.Exist, href);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Body, Is.EqualTo(File.ReadAllBytes(stored)), "the served file is not the one in tmpPath");
            Assert.That(answer.Body, Is.EqualTo(_served.Input(scenario.Data).Content), "the served file is not the input");
        });
    }

    [TestCaseSource(nameof(MapServerJobs))]
    public void The_reference_mimeType_is_the_type_mapserv_answers_with(JobScenario scenario)
    {
        var (href, mimeType, answer) = Fetched(scenario);

        Assert.That(answer.ContentType, Is.EqualTo(mimeType?.Split(';')[0].Trim()), $"{href}:\n{answer.Text}");
    }

    [TestCaseSource(nameof(MapServerJobs))]
    public void The_mapfile_is_written_into_dataPath_as_Result_0_jobid_map(JobScenario scenario)
    {
        var run = Succeeded(scenario);
        var map = Query(run.Reference().Href)["map"];
        // A synchronous answer does not name its job: its id is taken from the mapfile's name, and must be a job id.
        var jobId = run.JobId ?? (MapfileName().Match(Path.GetFileName(map)) is { Success: true } m ? m.Groups[1].Value : "(none)");

        Assert.Multiple(() =>
        {
            Assert.That(map, Is.EqualTo(Path.Combine(_served.DataPath, $"Result_0_{jobId}.map")));
            Assert.That(map, Does.Exist);
        });
    }

    // ------------------------------------------------------------------------------------------- documents

    [TestCaseSource(nameof(EveryJob))]
    public void Every_document_of_the_job_validates_against_the_OGC_schemas(JobScenario scenario)
    {
        var run = Job(scenario);

        AssertValid(run);
    }

    [TestCase("GetCapabilities", "1.0.0")]
    [TestCase("GetCapabilities", "2.0.0")]
    [TestCase("DescribeProcess", "1.0.0")]
    [TestCase("DescribeProcess", "2.0.0")]
    public void GetCapabilities_and_DescribeProcess_list_the_publishing_services_and_validate(string request, string version)
    {
        var query = request == "GetCapabilities"
            ? version == "1.0.0" ? "service=WPS&request=GetCapabilities&version=1.0.0" : "service=WPS&request=GetCapabilities&AcceptVersions=2.0.0"
            : $"service=WPS&request=DescribeProcess&version={version}&identifier=PublishRaster,PublishVector";

        var answer = _served.Wps.GetKvpAsync(query).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(SchemaValidator.Problems(answer.Body), Is.Null, answer.Text);
            Assert.That(answer.Text, Does.Contain(">PublishRaster<").And.Contain(">PublishVector<"));
        });
    }

    // ------------------------------------------------------------------------------------------- failures

    [TestCaseSource(nameof(Modes))]
    public void A_vector_output_that_is_not_GeoJSON_fails_the_job_as_not_geographic_data_on_Result(WpsMode mode) =>
        AssertFailed(Job(new JobScenario("PublishVector", SampleData.PlainJson, null, mode)), NotGeographic);

    [TestCaseSource(nameof(Modes))]
    public void A_raster_output_that_is_not_an_image_fails_the_job_as_not_geographic_data_on_Result(WpsMode mode) =>
        AssertFailed(Job(new JobScenario("PublishRaster", SampleData.NotAnImage, null, mode)), NotGeographic);

    [TestCaseSource(nameof(Modes))]
    public void An_empty_feature_collection_fails_the_job_as_holding_no_feature_on_Result(WpsMode mode) =>
        AssertFailed(Job(new JobScenario("PublishVector", SampleData.EmptyFeatures, null, mode)), NothingInside);

    [TestCase(WpsMode.Async100)]
    [TestCase(WpsMode.Async200)]
    public void A_job_whose_output_is_not_geographic_data_leaves_nothing_in_dataPath(WpsMode mode)
    {
        var run = Job(new JobScenario("PublishVector", SampleData.PlainJson, null, mode));

        Assert.That(_served.DataFilesOf(run.JobId!), Is.Empty, run.Dump);
    }

    /// <summary>
    /// A failed publication: synchronously an ExceptionReport; asynchronously a 1.0.0 ProcessFailed status document
    /// holding the report, or a 2.0.0 Failed status whose GetResult is the report; its text the kernel's message,
    /// its locator the output.
    /// </summary>
    internal static void AssertFailed(JobRun run, string message)
    {
        var exception = run.Exception();
        Assert.Multiple(() =>
        {
            switch (run.Mode)
            {
                case WpsMode.Sync100 or WpsMode.Sync200:
                    Assert.That(run.Final.Name.LocalName, Is.EqualTo("ExceptionReport"), run.Dump);
                    break;
                case WpsMode.Async100:
                    Assert.That(run.FinalStatus, Is.EqualTo("ProcessFailed"), run.Dump);
                    break;
                default:
                    Assert.That(run.FinalStatus, Is.EqualTo("Failed"), run.Dump);
                    Assert.That(run.Final.Name.LocalName, Is.EqualTo("ExceptionReport"), run.Dump);
                    break;
            }
            Assert.That(exception?.Text, Is.EqualTo(message), run.Dump);
            Assert.That(exception?.Locator, Is.EqualTo("Result"), run.Dump);
        });
    }

    // ------------------------------------------------------------------------------------------- Dismiss

    [TestCase("PublishRaster", SampleData.Raster)]
    [TestCase("PublishVector", SampleData.Features)]
    public void Dismissing_a_2_0_0_async_job_removes_its_mapfile_and_data_from_dataPath(string process, SampleData data)
    {
        // A job of its own: the shared ones stay for the other tests.
        var run = _served.RunAsync(new JobScenario(process, data, null, WpsMode.Async200)).GetAwaiter().GetResult();
        var id = run.JobId!;
        Assert.That(run.FinalStatus, Is.EqualTo("Succeeded"), run.Dump);
        var before = _served.DataFilesOf(id);
        Assert.That(before, Does.Contain($"Result_0_{id}.map").And.Some.Match($"^ZOO_DATA_0_Result_{Regex.Escape(id)}\\.[a-z]+$"),
            "before Dismiss");

        var dismissed = _served.Wps.DismissAsync(id).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(dismissed.Text, Does.Contain("<wps:Status>Dismissed</wps:Status>"));
            Assert.That(SchemaValidator.Problems(dismissed.Body), Is.Null, dismissed.Text);
            Assert.That(_served.DataFilesOf(id), Is.Empty, $"left in dataPath (before Dismiss: {string.Join(", ", before)})");
        });
    }

    // ------------------------------------------------------------------------------------------- helpers

    /// <summary>Every document of the job (Execute answer, status documents, GetResult) is valid.</summary>
    internal static void AssertValid(JobRun run)
    {
        Assert.That(run.Validation, Has.Count.EqualTo(run.Documents.Count), "documents not validated");
        Assert.Multiple(() =>
        {
            foreach (var ((what, body), (_, problems)) in run.Documents.Zip(run.Validation))
                Assert.That(problems, Is.Null, $"{what}:\n{System.Text.Encoding.UTF8.GetString(body)}");
        });
    }

    /// <summary>The parameters of a URL's query, names in lower case.</summary>
    internal static Dictionary<string, string> Query(string url)
    {
        var query = new Uri(url).Query.TrimStart('?');
        return query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]).ToLowerInvariant(), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    [GeneratedRegex("^Result_0_([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.map$")]
    private static partial Regex MapfileName();
}

/// <summary>
/// A main.cfg without [main] mapserverAddress: an output to publish through MapServer fails its job with the
/// kernel's operator message, on the output, in every version and mode.
/// </summary>
[TestFixture]
public sealed class PublishedOutputWithoutMapserverAddressTests
{
    private const string NoAddress = "Unable to find any mapserverAddress defined in the main.cfg file";

    private PublishingServer _served = null!;

    [OneTimeSetUp]
    public void Serve()
    {
        _served = new PublishingServer(dist => dist.RemoveConfig("main", "mapserverAddress"));
        _served.Start(Enum.GetValues<WpsMode>().Select(Scenario));
    }

    [OneTimeTearDown]
    public void Stop() => _served?.Dispose();

    private static JobScenario Scenario(WpsMode mode) => new("PublishRaster", SampleData.Raster, "image/png", mode);

    public static IEnumerable<TestCaseData> Modes() => PublishedOutputTests.Modes();

    [TestCaseSource(nameof(Modes))]
    public void Without_mapserverAddress_the_job_fails_with_the_operator_message_on_Result(WpsMode mode) =>
        PublishedOutputTests.AssertFailed(_served.Job(Scenario(mode)).GetAwaiter().GetResult(), NoAddress);

    [TestCaseSource(nameof(Modes))]
    public void Without_mapserverAddress_every_document_of_the_job_validates_against_the_OGC_schemas(WpsMode mode)
    {
        var run = _served.Job(Scenario(mode)).GetAwaiter().GetResult();

        PublishedOutputTests.AssertValid(run);
    }

    [Test]
    public void Without_mapserverAddress_nothing_is_left_in_dataPath_as_a_mapfile()
    {
        foreach (var mode in Enum.GetValues<WpsMode>())
            _served.Job(Scenario(mode)).GetAwaiter().GetResult();

        Assert.That(Directory.EnumerateFiles(_served.DataPath, "*.map"), Is.Empty);
    }
}
