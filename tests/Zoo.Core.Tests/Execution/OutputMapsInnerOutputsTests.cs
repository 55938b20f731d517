using Zoo.Core.Configuration;
using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Execution;

/// <summary>OutputMaps with inner outputs, named as WPS 1.0.0 lists them: <c>out.download_link</c>.</summary>
public class OutputMapsInnerOutputsTests
{
    private static OutputRequest Output(string name, params (string Key, string Value)[] attributes) =>
        new(name, new ConfigValues(attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))));

    private static ZooMaps Build(params OutputRequest[] outputs) =>
        OutputMaps.Build(InnerOutputs.Process,
            new ExecuteRequest("Smoothing", [], outputs, ResponseKind.Document, Lineage: false, StoreExecuteResponse: false, Status: false, ExecutionMode.Async));

    private static OwsError Error(params OutputRequest[] outputs) =>
        Assert.Throws<WpsException>(() => Build(outputs))!.Errors.Single();

    [Test]
    public void Asking_for_an_inner_output_asks_for_its_output()
    {
        Assert.That(Build(Output("out.download_link"))["out"]!.Text("inRequest"), Is.EqualTo("true"));
    }

    [Test]
    public void The_inner_outputs_asked_for_are_listed_as_the_zcfg_spells_them()
    {
        Assert.That(Build(Output("OUT.WMS_Link"), Output("out.download_link"))["out"]!.Text(OutputMaps.InnerOutputsKey),
            Is.EqualTo("wms_link,download_link"));
    }

    [Test]
    public void An_inner_output_asked_for_twice_is_listed_once()
    {
        Assert.That(Build(Output("out.wcs_link"), Output("out.wcs_link"))["out"]!.Text(OutputMaps.InnerOutputsKey), Is.EqualTo("wcs_link"));
    }

    [Test]
    public void The_inner_outputs_list_is_named_innerOutputs()
    {
        Assert.That(OutputMaps.InnerOutputsKey, Is.EqualTo("innerOutputs"));
    }

    [Test]
    public void Asking_for_the_output_itself_too_delivers_every_inner_output()
    {
        Assert.That(Build(Output("out.wms_link"), Output("out"))["out"]!.Contains(OutputMaps.InnerOutputsKey), Is.False);
    }

    [Test]
    public void An_output_asked_for_by_an_inner_output_keeps_its_defaults()
    {
        var map = Build(Output("out.wms_link"))["out"]!;

        Assert.That(map.Select(p => (p.Key, p.Value.ToString())), Is.EqualTo(new[]
        {
            ("mimeType", "image/tiff"), ("asReference", "true"), ("useMapserver", "true"), ("inRequest", "true"), ("innerOutputs", "wms_link"),
        }));
    }

    [Test]
    public void An_output_not_asked_for_has_no_inner_outputs_list()
    {
        Assert.That(Build(Output("Distance"))["out"]!.Contains(OutputMaps.InnerOutputsKey), Is.False);
    }

    [Test]
    public void A_format_asked_for_an_inner_output_does_not_reach_its_outputs_map()
    {
        // Only the .zcfg's formats may reach a map (a raw answer's Content-Type comes from it).
        var map = Build(Output("out.wms_link", ("mimeType", "text/html"), ("encoding", "base64")))["out"]!;

        Assert.That((map.Text("mimeType"), map.Text("encoding")), Is.EqualTo(("image/tiff", (string?)null)));
    }

    [TestCase("out.nope")]
    [TestCase("out.")]
    [TestCase(".download_link")]
    [TestCase("Distance.download_link")]
    [TestCase("nope.download_link")]
    [TestCase("out.download_link.x")]
    public void An_unknown_inner_output_is_refused_as_an_unknown_output(string name)
    {
        var error = Error(Output(name));

        Assert.That((error.Code, error.Locator, error.Text), Is.EqualTo(("InvalidParameterValue", name,
            $"The <{name}> argument specified as ResponseDocument identifier was not recognized (not defined in the ZOO Configuration File).")));
    }
}
