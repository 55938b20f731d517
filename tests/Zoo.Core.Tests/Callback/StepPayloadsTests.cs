using System.Text.Json.Nodes;
using Zoo.Core.Callback;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;
using Zoo.Core.Geo;
using Zoo.Core.Processes;
using Zoo.Core.Publishing;

namespace Zoo.Core.Tests.Callback;

/// <summary>StepPayloads: the keys of each step, named as ZOO names them.</summary>
public class StepPayloadsTests
{
    private static readonly Publication RasterIn4326 = new("http://ms/cgi-bin/mapserv", "/data/in_0_id.map", "in", GeoDataType.Raster,
        "EPSG:4326", new Extent(1, 2, 3, 4), true, "1.1.0");

    private static ZooMaps Inputs(string name, ZooMap map)
    {
        var maps = new ZooMaps();
        maps.Set(name, map);
        return maps;
    }

    private static readonly IReadOnlyDictionary<(string Name, int Index), Publication> NonePublished =
        new Dictionary<(string Name, int Index), Publication>();

    [Test]
    public void Step_0_names_the_request_and_the_process()
    {
        var payload = StepPayloads.Analyze("<wps:Execute/>", "HelloPy");

        Assert.That(payload.Select(p => (p.Key, (string?)p.Value)),
            Is.EqualTo(new[] { ("request_execute_content", "<wps:Execute/>"), ("process_identifier", "HelloPy") }));
    }

    [Test]
    public void An_input_by_reference_gives_its_link_file_type_size_and_origin()
    {
        var map = new ZooMap
        {
            ["xlink:href"] = "http://data/a.tif", ["cache_file"] = "/nonexistent/cache/ab.zca", ["mimeType"] = "image/tiff",
            ["size"] = "1234", ["origin"] = "OTHER",
        };

        var payload = StepPayloads.FetchedInputs(Inputs("il", map), NonePublished, null);

        Assert.That(payload.ToJsonString(), Is.EqualTo(
            "{\"inputs\":{\"il\":{\"ref_download_link\":\"http://data/a.tif\",\"cachefile\":\"/nonexistent/cache/ab.zca\",\"mimetype\":\"image/tiff\",\"size\":\"1234\",\"dataOrigin\":\"OTHER\"}}}"));
    }

    [Test]
    public void The_cached_type_wins_over_the_servers()
    {
        var map = new ZooMap { ["xlink:href"] = "http://data/a", ["mimeType"] = "text/plain", ["fmimeType"] = "image/tiff" };

        var payload = StepPayloads.FetchedInputs(Inputs("il", map), NonePublished, null);

        Assert.That((string?)payload["inputs"]!["il"]!["mimetype"], Is.EqualTo("image/tiff"));
    }

    [Test]
    public void An_input_by_value_that_is_not_published_is_left_out()
    {
        var payload = StepPayloads.FetchedInputs(Inputs("name", new ZooMap { ["value"] = "World" }), NonePublished, null);

        Assert.That(payload.ToJsonString(), Is.EqualTo("{\"inputs\":{}}"));
    }

    [Test]
    public void Several_references_of_one_input_are_an_array_in_order()
    {
        var map = new ZooMap
        {
            ["xlink:href"] = "http://data/1", ["xlink:href_1"] = "http://data/2", ["isArray"] = "true", ["length"] = "2",
            ["size"] = new ListValue([new TextValue("10"), new TextValue("20")]),
        };

        var payload = StepPayloads.FetchedInputs(Inputs("il", map), NonePublished, null);

        Assert.That(payload["inputs"]!["il"]!.AsArray().Select(v => ((string?)v!["ref_download_link"], (string?)v["size"])),
            Is.EqualTo(new[] { ("http://data/1", "10"), ("http://data/2", "20") }));
    }

    [Test]
    public void A_published_raster_input_gives_its_wcs_and_wms_links_its_type_and_its_box()
    {
        var published = new Dictionary<(string Name, int Index), Publication> { [("in", 0)] = RasterIn4326 };

        var entry = StepPayloads.FetchedInputs(Inputs("in", new ZooMap { ["value"] = "x" }), published, null)["inputs"]!["in"]!;

        Assert.That(((string?)entry["ref_wcs_link"], (string?)entry["ref_wms_link"], (string?)entry["datatype"], (string?)entry["boundingbox"]),
            Is.EqualTo((RasterIn4326.Url(OgcService.Wcs), RasterIn4326.Url(OgcService.Wms), "raster", "1,2,3,4")));
    }

    [Test]
    public void The_rewritten_request_goes_with_the_inputs()
    {
        var payload = StepPayloads.FetchedInputs(new ZooMaps(), NonePublished, "<wps:Execute/>");

        Assert.That((string?)payload["request_execute_content"], Is.EqualTo("<wps:Execute/>"));
    }

    [Test]
    public void A_plain_output_by_reference_gives_ref_and_download_link()
    {
        var output = new ProducedOutput(Output("Result"), new ZooMap { ["mimeType"] = "text/plain", ["size"] = "5" }, "http://h/tmp/Result.txt");

        var payload = StepPayloads.Outputs([output]);

        Assert.That(payload.ToJsonString(), Is.EqualTo(
            "{\"outputs\":{\"Result\":{\"ref\":\"http://h/tmp/Result.txt\",\"ref_download_link\":\"http://h/tmp/Result.txt\",\"mimetype\":\"text/plain\",\"size\":\"5\"}}}"));
    }

    [Test]
    public void Inner_outputs_are_folded_into_their_outputs_links()
    {
        var inner = new[]
        {
            new ProducedOutput(Output("download_link"), new ZooMap { ["mimeType"] = "image/tiff" }, "http://h/tmp/out.tif"),
            new ProducedOutput(Output("wms_link"), new ZooMap(), "http://ms/wms") { Publication = RasterIn4326, Service = OgcService.Wms },
            new ProducedOutput(Output("wcs_link"), new ZooMap(), "http://ms/wcs") { Publication = RasterIn4326, Service = OgcService.Wcs },
        };
        var output = new ProducedOutput(Output("out"), new ZooMap(), null) { Inner = inner };

        var entry = StepPayloads.Outputs([output])["outputs"]!["out"]!;

        Assert.That(((string?)entry["ref_download_link"], (string?)entry["ref_wms_link"], (string?)entry["ref_wcs_link"], (string?)entry["mimetype"], (string?)entry["datatype"]),
            Is.EqualTo(("http://h/tmp/out.tif", "http://ms/wms", "http://ms/wcs", "image/tiff", "raster")));
    }

    [Test]
    public void Finalize_sends_the_facts_then_succeeded()
    {
        var payload = StepPayloads.Finalize([KeyValuePair.Create("hpc_billing", "6")]);

        Assert.That(payload.ToJsonString(), Is.EqualTo("{\"hpc_billing\":\"6\",\"wps_status\":\"succeeded\"}"));
    }

    [TestCase(false, "failed")]
    [TestCase(true, "dismissed")]
    public void The_end_of_a_failed_or_dismissed_job_says_so_with_its_message(bool dismissed, string status)
    {
        var payload = StepPayloads.Ended("It broke.", dismissed);

        Assert.That(payload.ToJsonString(), Is.EqualTo($"{{\"message\":\"It broke.\",\"wps_status\":\"{status}\"}}"));
    }

    private static IoDescription Output(string name) =>
        new(name, ConfigValues.Empty, [], [], new DataDescription(DataKind.Complex, "ComplexOutput", null, []), []);
}
