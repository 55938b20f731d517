using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Tests.Wps.Responses;

/// <summary>
/// Outputs delivered through inner outputs in the responses: WPS 2.0 nests them in their output, WPS 1.0.0 (which has
/// no nested outputs) lists them in its place as <c>&lt;output&gt;.&lt;inner&gt;</c>. Every document is checked against the
/// OGC schemas too.
/// </summary>
public class InnerOutputsResponseTests
{
    private static readonly WpsVersion V1 = WpsVersion.V100;
    private static readonly WpsVersion V2 = WpsVersion.V200;

    private const string DownloadUrl = "http://host/tmp/output_Smoothing_out_u1.tif";
    private const string WmsUrl = "http://ms/mapserv?map=/data/out_0_u1.map&request=GetMap&service=WMS&version=1.3.0&layers=out";

    private static string Describe(WpsVersion version) => Documents.Describe(version, new ProcessOffering("Smoothing", InnerOutputs.Process));

    /// <summary>A run that delivered <c>out</c> through download_link and wms_link, and the literal Distance.</summary>
    private static IReadOnlyList<ProducedOutput> Produced()
    {
        var download = new ProducedOutput(InnerOutputs.Link("download_link"), new ZooMap([new("mimeType", "image/tiff")]), DownloadUrl);
        var wms = new ProducedOutput(InnerOutputs.Link("wms_link"), new ZooMap([new("mimeType", "image/png")]), WmsUrl);
        return
        [
            new ProducedOutput(InnerOutputs.Out, new ZooMap([new("mimeType", "image/tiff")]), null) { Inner = [download, wms] },
            new ProducedOutput(InnerOutputs.Distance, new ZooMap([new("value", "3.5"), new("dataType", "double")]), null),
        ];
    }

    private static string ExecuteResponse() => Documents.Render(ExecuteResponseWriter.Build("Smoothing", InnerOutputs.Process,
        new ExecuteStatus.Succeeded(Produced()),
        new ExecuteRequest("Smoothing", [], [], ResponseKind.Document, Lineage: false, StoreExecuteResponse: false, Status: false, ExecutionMode.Sync),
        "http://host/cgi-bin/zoo_loader.cgi", null, "en-US", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)));

    private static string Result() => Documents.Render(ResultWriter.Build(Produced()));

    private static IReadOnlyList<string> Texts(string document, string xpath, WpsVersion version) =>
        Documents.SelectAll(document, xpath, version).Select(e => e.Value).ToList();

    // ---------------------------------------------------------------- DescribeProcess 1.0.0

    [Test]
    public void DescribeProcess_1_0_0_lists_the_inner_outputs_in_their_outputs_place()
    {
        Assert.That(Texts(Describe(V1), "//ProcessOutputs/Output/ows:Identifier", V1),
            Is.EqualTo(new[] { "out.download_link", "out.wms_link", "out.wcs_link", "Distance" }));
    }

    [Test]
    public void DescribeProcess_1_0_0_titles_an_inner_output_as_itself()
    {
        var output = Documents.Select(Describe(V1), "//ProcessOutputs/Output[ows:Identifier='out.wms_link']", V1);

        Assert.That(Documents.ChildNames(output).Zip(output.Elements().Select(e => e.Value)).Take(3),
            Is.EqualTo(new[] { ("ows:Identifier", "out.wms_link"), ("ows:Title", "WMS link"), ("ows:Abstract", "The WMS link") }));
    }

    [Test]
    public void DescribeProcess_1_0_0_gives_an_inner_output_its_own_format()
    {
        Assert.That(Texts(Describe(V1), "//ProcessOutputs/Output/ComplexOutput/Default/Format/MimeType", V1),
            Is.EqualTo(new[] { "image/tiff", "image/png", "image/tiff" }));
    }

    [Test]
    public void DescribeProcess_1_0_0_with_inner_outputs_is_schema_valid()
    {
        SchemaValidator.AssertValid(Describe(V1));
    }

    // ---------------------------------------------------------------- DescribeProcess 2.0.0

    [Test]
    public void DescribeProcess_2_0_0_nests_the_inner_outputs_in_their_output_without_a_format_of_its_own()
    {
        var output = Documents.Select(Describe(V2), "//wps:Process/wps:Output[ows:Identifier='out']", V2);

        Assert.That(Documents.ChildNames(output),
            Is.EqualTo(new[] { "ows:Title", "ows:Abstract", "ows:Identifier", "wps:Output", "wps:Output", "wps:Output" }));
    }

    [Test]
    public void DescribeProcess_2_0_0_names_the_nested_outputs_as_the_zcfg_does()
    {
        Assert.That(Texts(Describe(V2), "//wps:Process/wps:Output[ows:Identifier='out']/wps:Output/ows:Identifier", V2),
            Is.EqualTo(new[] { "download_link", "wms_link", "wcs_link" }));
    }

    [Test]
    public void DescribeProcess_2_0_0_gives_each_nested_output_its_format()
    {
        var formats = Documents.SelectAll(Describe(V2), "//wps:Output[ows:Identifier='out']/wps:Output/wps:ComplexData/wps:Format[@default='true']", V2);

        Assert.That(formats.Select(f => f.Attribute("mimeType")!.Value), Is.EqualTo(new[] { "image/tiff", "image/png", "image/tiff" }));
    }

    [Test]
    public void DescribeProcess_2_0_0_leaves_an_output_without_inner_outputs_as_it_is()
    {
        Assert.That(Documents.ChildNames(Documents.Select(Describe(V2), "//wps:Process/wps:Output[ows:Identifier='Distance']", V2)),
            Is.EqualTo(new[] { "ows:Title", "ows:Abstract", "ows:Identifier", "wps:LiteralData" }));
    }

    [Test]
    public void DescribeProcess_2_0_0_with_nested_outputs_is_schema_valid()
    {
        SchemaValidator.AssertValid(Describe(V2));
    }

    // ---------------------------------------------------------------- ExecuteResponse 1.0.0

    [Test]
    public void The_1_0_0_ExecuteResponse_lists_the_inner_outputs_delivered_in_their_outputs_place()
    {
        Assert.That(Texts(ExecuteResponse(), "//wps:ProcessOutputs/wps:Output/ows:Identifier", V1),
            Is.EqualTo(new[] { "out.download_link", "out.wms_link", "Distance" }));
    }

    [Test]
    public void The_1_0_0_ExecuteResponse_titles_an_inner_output_as_itself()
    {
        Assert.That(Texts(ExecuteResponse(), "//wps:ProcessOutputs/wps:Output/ows:Title", V1),
            Is.EqualTo(new[] { "Download link", "WMS link", "Distance" }));
    }

    [Test]
    public void The_1_0_0_ExecuteResponse_gives_each_inner_output_its_reference()
    {
        var references = Documents.SelectAll(ExecuteResponse(), "//wps:ProcessOutputs/wps:Output/wps:Reference", V1);

        Assert.That(references.Select(r => (r.Attribute("href")!.Value, r.Attribute("mimeType")!.Value)),
            Is.EqualTo(new[] { (DownloadUrl, "image/tiff"), (WmsUrl, "image/png") }));
    }

    [Test]
    public void The_1_0_0_ExecuteResponse_with_inner_outputs_is_schema_valid()
    {
        SchemaValidator.AssertValid(ExecuteResponse());
    }

    // ---------------------------------------------------------------- Result 2.0.0

    [Test]
    public void The_2_0_0_Result_nests_each_inner_output_delivered_in_its_own_copy_of_its_output()
    {
        // WPS 2.0's DataOutputType holds one Data, Reference or Output: two inner outputs cannot share one output element.
        var outputs = Documents.SelectAll(Result(), "/wps:Result/wps:Output", V2);

        Assert.That(outputs.Select(o => (o.Attribute("id")!.Value, o.Elements().Single().Attribute("id")?.Value)), Is.EqualTo(new[]
        {
            ("out", "download_link"), ("out", "wms_link"), ("Distance", (string?)null),
        }));
    }

    [Test]
    public void The_2_0_0_Result_gives_an_output_with_inner_outputs_no_data_or_reference_of_its_own()
    {
        Assert.That(Documents.SelectAll(Result(), "/wps:Result/wps:Output[@id='out']", V2).Select(Documents.ChildNames),
            Is.EqualTo(new[] { new[] { "wps:Output" }, new[] { "wps:Output" } }));
    }

    [Test]
    public void The_2_0_0_Result_gives_each_inner_output_its_reference()
    {
        var references = Documents.SelectAll(Result(), "/wps:Result/wps:Output[@id='out']/wps:Output/wps:Reference", V2);

        Assert.That(references.Select(r => (r.Attribute(System.Xml.Linq.XName.Get("href", WpsVersion.XlinkNamespace))!.Value, r.Attribute("mimeType")!.Value)),
            Is.EqualTo(new[] { (DownloadUrl, "image/tiff"), (WmsUrl, "image/png") }));
    }

    [Test]
    public void The_2_0_0_Result_leaves_an_output_without_inner_outputs_as_it_is()
    {
        Assert.That(Documents.ChildNames(Documents.Select(Result(), "/wps:Result/wps:Output[@id='Distance']", V2)), Is.EqualTo(new[] { "wps:Data" }));
    }

    [Test]
    public void The_2_0_0_Result_with_inner_outputs_is_schema_valid()
    {
        SchemaValidator.AssertValid(Result());
    }
}
