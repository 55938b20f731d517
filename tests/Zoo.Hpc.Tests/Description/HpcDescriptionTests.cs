using Zoo.Core.Configuration.Zcfg;
using Zoo.Hpc.Description;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Description;

/// <summary>How an HPC service is presented (spec/hpc.md §6.1): asynchronous only, and inner outputs with ZOO's titles.</summary>
public class HpcDescriptionTests
{
    private static ProcessDescription Zcfg(string outputs, string keys = "") => ZcfgParser.Parse($"""
        [Smoothing]
         Title = Smooth an image
         serviceType = HPC
         serviceProvider = otbcli_Smoothing
        {keys}
         <DataOutputs>
        {outputs}
         </DataOutputs>
        """);

    private static string Complex(string name, string format) => $"""
          [{name}]
           Title = Output {name}
           Abstract = The output {name}.
           <ComplexData>
            <Default>
        {format}
            </Default>
           </ComplexData>
        """;

    private const string Literal = """
          [count]
           Title = Count
           <LiteralData>
            dataType = integer
            <Default />
           </LiteralData>
        """;

    private static readonly ProcessDescription Raster = Zcfg(Complex("out", """
             mimeType = image/tiff
             asReference = true
             useMapserver = true
             msStyle = PROCESSING "BANDS=1"
        """));

    private static readonly ProcessDescription Vector = Zcfg(Complex("out", """
             mimeType = application/json
             useMapserver = true
        """));

    private static ProcessDescription Present(ProcessDescription process, bool nested = true) => HpcDescription.Present(process, nested);

    private static IoDescription Inner(ProcessDescription process, string name) =>
        Present(process).Outputs[0].Nested.Single(n => n.Name == name);

    private static IReadOnlyList<KeyValuePair<string, string>> Format(ProcessDescription process, string inner) =>
        Inner(process, inner).Data!.Default!.ToList();

    [Test]
    public void An_HPC_service_only_runs_asynchronously()
    {
        Assert.That(Present(Raster).Keys["jobControlOptions"], Is.EqualTo("async-execute dismiss"));
    }

    [Test]
    public void The_zcfgs_jobControlOptions_are_kept()
    {
        var process = Zcfg(Complex("out", "     mimeType = image/tiff"), " jobControlOptions = sync-execute async-execute dismiss");

        Assert.That(Present(process).Keys["jobControlOptions"], Is.EqualTo("sync-execute async-execute dismiss"));
    }

    [Test]
    public void The_services_other_keys_are_kept_in_their_order()
    {
        Assert.That(Present(Raster).Keys.Select(k => k.Key), Is.EqualTo(new[] { "Title", "serviceType", "serviceProvider", "jobControlOptions" }));
    }

    [Test]
    public void A_raster_published_through_MapServer_is_delivered_by_download_WMS_and_WCS_links_in_that_order()
    {
        Assert.That(Present(Raster).Outputs[0].Nested.Select(n => n.Name), Is.EqualTo(new[] { "download_link", "wms_link", "wcs_link" }));
    }

    [Test]
    public void A_vector_published_through_MapServer_is_delivered_by_download_WMS_and_WFS_links_in_that_order()
    {
        Assert.That(Present(Vector).Outputs[0].Nested.Select(n => n.Name), Is.EqualTo(new[] { "download_link", "wms_link", "wfs_link" }));
    }

    [TestCase("download_link", "Download link", "The download link")]
    [TestCase("wms_link", "WMS link", "The WMS link")]
    [TestCase("wcs_link", "WCS link", "The WCS link")]
    public void Each_raster_link_has_ZOOs_title_and_abstract(string name, string title, string @abstract)
    {
        var inner = Inner(Raster, name);

        Assert.That((inner.Title, inner.Abstract), Is.EqualTo((title, @abstract)));
    }

    [Test]
    public void The_WFS_link_has_ZOOs_title_and_abstract()
    {
        var inner = Inner(Vector, "wfs_link");

        Assert.That((inner.Title, inner.Abstract), Is.EqualTo(("WFS link", "The WFS link")));
    }

    [TestCase("text/xml")]
    [TestCase("application/gml+xml")]
    [TestCase("application/zip")]
    [TestCase("application/vnd.google-earth.kml+xml")]
    public void Every_vector_type_of_ZOOs_list_has_a_WFS_link(string mimeType)
    {
        var process = Zcfg(Complex("out", $"     mimeType = {mimeType}\n     useMapserver = true"));

        Assert.That(Present(process).Outputs[0].Nested.Select(n => n.Name).Last(), Is.EqualTo("wfs_link"));
    }

    [TestCase("image/png")]
    [TestCase("image/jpeg")]
    [TestCase("application/vnd.google-earth.kmz")]
    public void Every_raster_type_of_ZOOs_list_has_a_WCS_link(string mimeType)
    {
        var process = Zcfg(Complex("out", $"     mimeType = {mimeType}\n     useMapserver = true"));

        Assert.That(Present(process).Outputs[0].Nested.Select(n => n.Name).Last(), Is.EqualTo("wcs_link"));
    }

    [Test]
    public void An_output_not_published_through_MapServer_only_has_a_download_link()
    {
        var process = Zcfg(Complex("out", "     mimeType = image/tiff\n     asReference = true"));

        Assert.That(Present(process).Outputs[0].Nested.Select(n => n.Name), Is.EqualTo(new[] { "download_link" }));
    }

    [Test]
    public void An_output_with_useMapserver_false_only_has_a_download_link()
    {
        var process = Zcfg(Complex("out", "     mimeType = image/tiff\n     useMapserver = false"));

        Assert.That(Present(process).Outputs[0].Nested.Select(n => n.Name), Is.EqualTo(new[] { "download_link" }));
    }

    [Test]
    public void An_output_of_a_type_that_is_no_map_only_has_a_download_link()
    {
        var process = Zcfg(Complex("out", "     mimeType = text/plain\n     useMapserver = true"));

        Assert.That(Present(process).Outputs[0].Nested.Select(n => n.Name), Is.EqualTo(new[] { "download_link" }));
    }

    [Test]
    public void A_complex_output_without_mime_type_is_left_as_it_is()
    {
        var process = Zcfg(Complex("out", "     extension = bin"));

        Assert.That(Present(process).Outputs[0], Is.SameAs(process.Outputs[0]));
    }

    [Test]
    public void A_literal_output_is_left_as_it_is()
    {
        var process = Zcfg(Literal + "\n" + Complex("out", "     mimeType = image/tiff"));

        Assert.That(Present(process).Outputs[0], Is.SameAs(process.Outputs[0]));
    }

    [Test]
    public void The_download_link_is_the_outputs_format_without_publication()
    {
        Assert.That(Format(Raster, "download_link"), Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("mimeType", "image/tiff"), new("asReference", "true"), new("msStyle", "PROCESSING \"BANDS=1\""), new("useMapserver", "false"),
        }));
    }

    [Test]
    public void The_WMS_link_answers_with_a_PNG_map_drawn_with_the_outputs_MapServer_keys()
    {
        Assert.That(Format(Raster, "wms_link"), Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("msStyle", "PROCESSING \"BANDS=1\""), new("mimeType", "image/png"), new("useMapserver", "true"), new("msOgc", "WMS"),
        }));
    }

    [Test]
    public void The_WCS_link_answers_with_the_GeoTIFF_coverage()
    {
        Assert.That(Format(Raster, "wcs_link"), Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("msStyle", "PROCESSING \"BANDS=1\""), new("mimeType", "image/tiff"), new("useMapserver", "true"), new("msOgc", "WCS"),
        }));
    }

    [Test]
    public void The_WFS_link_answers_with_GML_features()
    {
        Assert.That(Format(Vector, "wfs_link"), Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("mimeType", "text/xml"), new("useMapserver", "true"), new("msOgc", "WFS"),
        }));
    }

    [Test]
    public void Each_link_is_complex_data_without_other_formats()
    {
        Assert.That(Present(Raster).Outputs[0].Nested.Select(n => (n.Data!.Kind, n.Data.Supported.Count)),
            Is.EqualTo(new[] { (DataKind.Complex, 0), (DataKind.Complex, 0), (DataKind.Complex, 0) }));
    }

    [Test]
    public void The_output_keeps_its_own_title_and_format()
    {
        var output = Present(Raster).Outputs[0];

        Assert.That((output.Title, output.Data!.Default!["mimeType"]), Is.EqualTo(("Output out", "image/tiff")));
    }

    [Test]
    public void Without_nested_outputs_the_outputs_are_left_as_they_are()
    {
        Assert.That(Present(Raster, nested: false).Outputs, Is.SameAs(Raster.Outputs));
    }

    [Test]
    public void Without_nested_outputs_the_service_is_still_asynchronous_only()
    {
        Assert.That(Present(Raster, nested: false).Keys["jobControlOptions"], Is.EqualTo("async-execute dismiss"));
    }

    // ---------------------------------------------------------------- HpcRunner.Present: nested_outputs in the confId section

    private static ProcessDescription PresentedBy(string mainCfg, ProcessDescription process) =>
        new HpcRunner(Configs.Parse(mainCfg), TextWriter.Null).Present(process);

    [Test]
    public void The_runner_presents_inner_outputs_by_default()
    {
        Assert.That(PresentedBy("[main]\n[HPC]\nssh_host=cluster\n", Raster).Outputs[0].Nested, Has.Count.EqualTo(3));
    }

    [TestCase("false")]
    [TestCase("FALSE")]
    public void Nested_outputs_false_in_the_default_HPC_section_turns_them_off(string value)
    {
        Assert.That(PresentedBy($"[main]\n[HPC]\nnested_outputs={value}\n", Raster).Outputs[0].Nested, Is.Empty);
    }

    [Test]
    public void Nested_outputs_false_in_the_services_confId_section_turns_them_off()
    {
        var process = Zcfg(Complex("out", "     mimeType = image/tiff"), " confId = gpu");

        Assert.That(PresentedBy("[main]\n[HPC]\nnested_outputs=true\n[gpu]\nnested_outputs=false\n", process).Outputs[0].Nested, Is.Empty);
    }

    [Test]
    public void Nested_outputs_false_in_another_section_does_not_turn_them_off()
    {
        var process = Zcfg(Complex("out", "     mimeType = image/tiff"), " confId = gpu");

        Assert.That(PresentedBy("[main]\n[HPC]\nnested_outputs=false\n[gpu]\nssh_host=cluster\n", process).Outputs[0].Nested.Select(n => n.Name),
            Is.EqualTo(new[] { "download_link" }));
    }

    [Test]
    public void Without_nested_outputs_the_runner_still_presents_the_service_as_asynchronous_only()
    {
        Assert.That(PresentedBy("[main]\n[HPC]\nnested_outputs=false\n", Raster).Keys["jobControlOptions"], Is.EqualTo("async-execute dismiss"));
    }
}
