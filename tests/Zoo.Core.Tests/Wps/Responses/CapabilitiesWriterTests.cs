using System.Xml.Linq;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Responses;

namespace Zoo.Core.Tests.Wps.Responses;

public class CapabilitiesWriterTests
{
    private const string ServiceUrl = "http://localhost/cgi-bin/zoo_loader.cgi";
    private static readonly MainConfig ExampleConfig = TestRequests.Config(TestRequests.ExampleMainCfg);

    private static ProcessOffering Header(string name, string title, string @abstract, string? version = null, string? metadataTitle = null)
    {
        var keys = new List<KeyValuePair<string, string>> { new("Title", title), new("Abstract", @abstract) };
        if (version is not null)
            keys.Add(new("processVersion", version));
        var metadata = metadataTitle is null ? [] : new[] { KeyValuePair.Create("title", metadataTitle) };
        return new ProcessOffering(name, new ProcessDescription(name, new ConfigValues(keys), metadata, [], [], []));
    }

    /// <summary>The services the examples were produced with, in their listing order (header keys only, as GetCapabilities reads them).</summary>
    private static readonly ProcessOffering[] ExampleServices =
    [
        Header("demo", "Demo long process. ",
            "This service doesn't do anything except taking its time to return an error message, it demonstrates how to use the update_status function of the Python ZOO-API from your services code."),
        Header("HelloPy", "Create a welcome message string.", "Create a welcome string.", "2", "Demo"),
        Header("longProcess", "Demo long process. ",
            "This service doesn't do anything except taking its time, it demonstrates how to use the updateStatus function from your ZOO Service. ",
            metadataTitle: "Demo GetStatus request"),
        Header("GetStatus", "Produce an updated ExecuteResponse document. ",
            "Create an ExecuteResponse document from a sid (Service ID), it will use the niternal ZOO Kernel mechanisms to access the current status from a running Service and update the percentCompleted from the original backup file used by the ZOO Kernel when running a Service in background. ",
            metadataTitle: "Demo GetStatus request"),
    ];

    private static string Capabilities(WpsVersion version, params ProcessOffering[] processes) =>
        Documents.Render(CapabilitiesWriter.Build(ExampleConfig, version, "en-US", ServiceUrl, processes));

    private static string Capabilities(MainConfig config, WpsVersion version) =>
        Documents.Render(CapabilitiesWriter.Build(config, version, "en-US", ServiceUrl, []));

    [Test]
    public void The_1_0_0_document_is_the_one_ZOO_writes()
    {
        Assert.That(Capabilities(WpsVersion.V100, ExampleServices), Is.EqualTo(ZooExamples.GetCapabilities10));
    }

    [Test]
    public void The_2_0_0_document_is_the_one_ZOO_writes()
    {
        Assert.That(Capabilities(WpsVersion.V200, ExampleServices), Is.EqualTo(ZooExamples.GetCapabilities20));
    }

    [Test]
    public void The_header_of_a_parsed_zcfg_gives_the_same_1_0_0_entry()
    {
        var parsed = Documents.Offering("""
            [HelloPy]
             Title = Create a welcome message string.
             Abstract = Create a welcome string.
             processVersion = 2
             <MetaData>
              title = Demo
             </MetaData>
             <DataInputs>
            """, headerOnly: true);

        Assert.That(Documents.Fragment(Capabilities(WpsVersion.V100, parsed), "<wps:Process ", "</wps:Process>"),
            Is.EqualTo(Documents.Fragment(ZooExamples.GetCapabilities10, "<wps:Process wps:processVersion=\"2\"", "</wps:Process>")));
    }

    [Test]
    public void The_1_0_0_process_entry_carries_only_the_process_version()
    {
        var document = Capabilities(WpsVersion.V100, Documents.Offering("[S]\n storeSupported = false\n statusSupported = false\n"));

        Assert.That(Documents.AttributeNames(Documents.Select(document, "//wps:Process", WpsVersion.V100)), Is.EqualTo(new[] { "processVersion" }));
    }

    [Test]
    public void The_2_0_0_process_version_is_padded_to_three_parts()
    {
        var document = Capabilities(WpsVersion.V200, Documents.Offering("[S]\n processVersion = 3\n"));

        Assert.That(Documents.Select(document, "//wps:ProcessSummary", WpsVersion.V200).Attribute("processVersion")!.Value, Is.EqualTo("3.0.0"));
    }

    [Test]
    public void A_service_offering_only_asynchronous_runs_is_summarised_as_such()
    {
        var document = Capabilities(WpsVersion.V200, Documents.Offering("[S]\n jobControlOptions = async-execute dismiss\n"));

        Assert.That(Documents.Select(document, "//wps:ProcessSummary", WpsVersion.V200).Attribute("jobControlOptions")!.Value,
            Is.EqualTo("async-execute dismiss"));
    }

    [Test]
    public void The_zcfg_mode_does_not_change_the_summary()
    {
        var document = Capabilities(WpsVersion.V200, Documents.Offering("[S]\n mode = sync\n"));

        Assert.That(Documents.Select(document, "//wps:ProcessSummary", WpsVersion.V200).Attribute("jobControlOptions")!.Value,
            Is.EqualTo("sync-execute async-execute dismiss"));
    }

    [Test]
    public void Configured_job_control_options_and_output_transmission_are_kept()
    {
        var document = Capabilities(WpsVersion.V200, Documents.Offering("[S]\n jobControlOptions = sync-execute\n outputTransmission = value\n"));
        var summary = Documents.Select(document, "//wps:ProcessSummary", WpsVersion.V200);

        Assert.That((summary.Attribute("jobControlOptions")!.Value, summary.Attribute("outputTransmission")!.Value),
            Is.EqualTo(("sync-execute", "value")));
    }

    [Test]
    public void A_namespaced_service_is_listed_with_its_prefix()
    {
        var document = Capabilities(WpsVersion.V100, Documents.Offering("[Echo]\n Title = e\n", "ogc.tests.Echo", headerOnly: true));

        Assert.That(Documents.Select(document, "//wps:Process/ows:Identifier", WpsVersion.V100).Value, Is.EqualTo("ogc.tests.Echo"));
    }

    [Test]
    public void Process_level_additional_parameters_are_summarised_in_2_0_0()
    {
        var document = Capabilities(WpsVersion.V200, Documents.Offering("""
            [S]
             <AdditionalParameters>
              role = https://example.org/role
              category = arithmetic
             </AdditionalParameters>
            """));

        Assert.That(Documents.Select(document, "//wps:ProcessSummary/ows:AdditionalParameters/ows:AdditionalParameter/ows:Value", WpsVersion.V200).Value,
            Is.EqualTo("arithmetic"));
    }

    [Test]
    public void The_service_type_is_written_even_without_keywords()
    {
        var document = Capabilities(TestRequests.Config("[main]\nlang=en-US\n[identification]\ntitle=t\n"), WpsVersion.V100);

        Assert.That(Documents.ChildNames(Documents.Select(document, "//ows:ServiceIdentification", WpsVersion.V100)),
            Is.EqualTo(new[] { "ows:Title", "ows:ServiceType", "ows:ServiceTypeVersion" }));
    }

    [Test]
    public void Phone_and_address_are_written_even_when_empty()
    {
        var document = Capabilities(TestRequests.Config("[main]\nlang=en-US\n[provider]\nproviderName=p\n"), WpsVersion.V100);

        Assert.That(Documents.Fragment(document, "<ows:ContactInfo>", "</ows:ContactInfo>"),
            Is.EqualTo("<ows:ContactInfo>\n        <ows:Phone/>\n        <ows:Address/>\n      </ows:ContactInfo>"));
    }

    [Test]
    public void The_1_0_0_default_language_is_the_first_of_lang_not_the_negotiated_one()
    {
        var document = Documents.Render(CapabilitiesWriter.Build(ExampleConfig, WpsVersion.V100, "en-CA", ServiceUrl, []));

        Assert.That(Documents.Select(document, "//wps:Languages/wps:Default/ows:Language", WpsVersion.V100).Value, Is.EqualTo("fr-FR"));
    }

    [Test]
    public void An_empty_lang_list_still_gives_a_1_0_0_default_language()
    {
        var document = Capabilities(TestRequests.Config("[main]\nlanguage=en-US\nlang=\n"), WpsVersion.V100);

        Assert.That(Documents.Select(document, "//wps:Languages/wps:Default/ows:Language", WpsVersion.V100).Value, Is.EqualTo("en-US"));
    }

    [Test]
    public void The_1_0_0_root_carries_the_negotiated_language()
    {
        var document = Documents.Render(CapabilitiesWriter.Build(ExampleConfig, WpsVersion.V100, "en-CA", ServiceUrl, []));

        Assert.That(document, Does.Contain(" xml:lang=\"en-CA\">"));
    }

    [Test]
    public void Every_operation_points_at_the_service_url()
    {
        var document = Capabilities(WpsVersion.V200);

        Assert.That(Documents.SelectAll(document, "//ows:HTTP/*", WpsVersion.V200).Select(e => e.Attribute(XName.Get("href", WpsVersion.XlinkNamespace))!.Value),
            Is.EqualTo(Enumerable.Repeat(ServiceUrl, 11)));
    }
}
